"use server";
import { revalidatePath } from "next/cache";
import { revokePartnerInvitation } from "@/lib/partners/user-access";
import { partnerAction } from "@/lib/safe-action";
import { memberRefSchema } from "@/lib/validations/partner-member";

/** A partner Admin revokes a member's invitation: the link stops working, the member stays listed. */
export const revokeInvitationAction = partnerAction(memberRefSchema, async ({ orgId, userId }, { db, actor }) => {
  const revoked = await revokePartnerInvitation(db, actor, orgId, userId);
  revalidatePath("/partner", "layout");
  return { revoked };
});
