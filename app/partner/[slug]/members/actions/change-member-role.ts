"use server";
import { revalidatePath } from "next/cache";
import { changePartnerUserRole } from "@/lib/partners/members";
import { partnerAction } from "@/lib/safe-action";
import { changeMemberRoleSchema } from "@/lib/validations/partner-member";

export const changeMemberRoleAction = partnerAction(changeMemberRoleSchema, async ({ orgId, userId, role }, { db, actor }) => {
  const user = await changePartnerUserRole(db, actor, orgId, userId, role);
  revalidatePath("/partner", "layout");
  return { id: user.id, role: user.role };
});
