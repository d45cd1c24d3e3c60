"use server";
import { sendPartnerPasswordReset } from "@/lib/partners/user-access";
import { adminAction } from "@/lib/safe-action";
import { memberRefSchema } from "@/lib/validations/partner-member";

/** Admins can send a reset link; only the user ever chooses the password. */
export const sendPasswordResetAction = adminAction(memberRefSchema, async ({ orgId, userId }, { db, actor }) => {
  await sendPartnerPasswordReset(db, actor, orgId, userId);
  return { userId };
});
