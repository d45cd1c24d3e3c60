"use server";
import { revalidatePath } from "next/cache";
import { changeAdminRole } from "@/lib/admins/admins";
import { adminAction } from "@/lib/safe-action";
import { changeAdminRoleSchema } from "@/lib/validations/admin";

export const changeAdminRoleAction = adminAction(changeAdminRoleSchema, async ({ id, role }, { db, actor }) => {
  const admin = await changeAdminRole(db, actor, id, role);
  revalidatePath("/settings/admins");
  return { email: admin.email, role: admin.role };
});
