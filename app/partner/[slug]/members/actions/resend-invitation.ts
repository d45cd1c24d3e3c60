"use server";
import { revalidatePath } from "next/cache";
import { resendPartnerInvitation } from "@/lib/partners/user-access";
import { partnerAction } from "@/lib/safe-action";
import { memberRefSchema } from "@/lib/validations/partner-member";

/** A partner Admin sends a member a new invitation link; the earlier one stops working. */
export const resendInvitationAction = partnerAction(memberRefSchema, async ({ orgId, userId }, { db, actor }) => {
  await resendPartnerInvitation(db, actor, orgId, userId);
  revalidatePath("/partner", "layout");
  return { userId };
});
