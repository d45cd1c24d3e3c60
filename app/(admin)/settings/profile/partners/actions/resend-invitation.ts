"use server";
import { revalidatePath } from "next/cache";
import { resendPartnerInvitation } from "@/lib/partners/user-access";
import { adminAction } from "@/lib/safe-action";
import { memberRefSchema } from "@/lib/validations/partner-member";

/** A new invitation link; the earlier one stops working. */
export const resendInvitationAction = adminAction(memberRefSchema, async ({ orgId, userId }, { db, actor }) => {
  await resendPartnerInvitation(db, actor, orgId, userId);
  revalidatePath(`/settings/profile/partners/${orgId}`);
  return { userId };
});
