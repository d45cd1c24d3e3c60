"use server";
import { revalidatePath } from "next/cache";
import { movePartnerUser } from "@/lib/partners/move-user";
import { adminAction } from "@/lib/safe-action";
import { movePartnerUserSchema } from "@/lib/validations/organisation";

/** Moves a partner user to another partner organisation, with the chosen role; their sessions end. */
export const moveUserAction = adminAction(movePartnerUserSchema, async ({ orgId, userId, toOrgId, role }, { db, actor }) => {
  const user = await movePartnerUser(db, actor, orgId, userId, { toOrgId, role });
  revalidatePath(`/settings/profile/partners/${orgId}`);
  revalidatePath(`/settings/profile/partners/${toOrgId}`);
  return { userId: user.id, toOrgId };
});
