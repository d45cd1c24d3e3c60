"use server";
import { headers } from "next/headers";
import { forgotPassword } from "@/lib/password-links/forgot-password";
import { publicAction } from "@/lib/safe-action";
import { forgotPasswordSchema } from "@/lib/validations/password-link";

/** "Forgot password?" for partner users (lib/password-links/forgot-password.ts). */
export const requestPasswordResetAction = publicAction(forgotPasswordSchema, async ({ email }, { db }) =>
  forgotPassword(db, email, "partner_user", await headers()),
);
