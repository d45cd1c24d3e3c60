"use server";
import { revalidatePath } from "next/cache";
import { inviteAdmin } from "@/lib/admins/admins";
import { adminAction } from "@/lib/safe-action";
import { inviteAdminSchema } from "@/lib/validations/admin";

export const inviteAdminAction = adminAction(inviteAdminSchema, async (input, { db, actor }) => {
  const { admin } = await inviteAdmin(db, actor, input);
  revalidatePath("/settings/admins");
  return { email: admin.email };
});
