import { z } from "zod";
import { emailField } from "./fields";

/** "Forgot password?": only the email. */
export const forgotPasswordSchema = z.object({ email: emailField });
export type ForgotPasswordInput = z.infer<typeof forgotPasswordSchema>;

/** Which link a set-password form came from; the password itself is `newPasswordSchema` (auth.ts). */
export const passwordLinkSchema = z.object({
  token: z.string().min(1).max(200),
  purpose: z.enum(["invite", "reset"]),
});
