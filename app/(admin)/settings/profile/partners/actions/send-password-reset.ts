"use server";
import { revalidatePath } from "next/cache";
import { sendPartnerPasswordReset } from "@/lib/partners/user-access";
import { adminAction } from "@/lib/safe-action";
import { memberRefSchema } from "@/lib/validations/partner-member";

/** Admins can send a reset link; only the user ever chooses the password. */
export const sendPasswordResetAction = adminAction(memberRefSchema, async ({ orgId, userId }, { db, actor }) => {
  await sendPartnerPasswordReset(db, actor, orgId, userId);
  // Nothing in the users table changes, but the organisation's activity does.
  revalidatePath(`/settings/profile/partners/${orgId}`);
  return { userId };
});
