import { z } from "./zod";
import { newPasswordSchema } from "./auth";
import { emailField } from "./fields";

/** "Forgot password?": only the email. */
export const forgotPasswordSchema = z.object({ email: emailField });
export type ForgotPasswordInput = z.infer<typeof forgotPasswordSchema>;

const LINK_INVALID = "This link is not valid.";

/** Which link a set-password form came from; the password itself is `newPasswordSchema` (auth.ts). */
export const passwordLinkSchema = z.object({
  token: z.string({ error: LINK_INVALID }).min(1, { error: LINK_INVALID }).max(200, { error: LINK_INVALID }),
  purpose: z.enum(["invite", "reset"], { error: LINK_INVALID }),
});

/** The set-password form with the link it came from. */
export const setPasswordSchema = z.intersection(passwordLinkSchema, newPasswordSchema);
