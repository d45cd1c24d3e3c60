"use server";
import { revalidatePath } from "next/cache";
import { revokePartnerInvitation } from "@/lib/partners/user-access";
import { adminAction } from "@/lib/safe-action";
import { memberRefSchema } from "@/lib/validations/partner-member";

export const revokeInvitationAction = adminAction(memberRefSchema, async ({ orgId, userId }, { db, actor }) => {
  const revoked = await revokePartnerInvitation(db, actor, orgId, userId);
  revalidatePath(`/settings/profile/partners/${orgId}`);
  return { revoked };
});
