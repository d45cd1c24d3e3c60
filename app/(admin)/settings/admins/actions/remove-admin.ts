"use server";
import { revalidatePath } from "next/cache";
import { removeAdmin } from "@/lib/admins/admins";
import { adminAction } from "@/lib/safe-action";
import { removeAdminSchema } from "@/lib/validations/admin";

export const removeAdminAction = adminAction(removeAdminSchema, async ({ id }, { db, actor }) => {
  await removeAdmin(db, actor, id);
  revalidatePath("/settings/admins");
  return { id };
});
