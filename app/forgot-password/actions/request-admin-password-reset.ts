"use server";
import { headers } from "next/headers";
import { forgotPassword } from "@/lib/password-links/forgot-password";
import { publicAction } from "@/lib/safe-action";
import { forgotPasswordSchema } from "@/lib/validations/password-link";

/** "Forgot password?" for portal admins, e.g. after their invitation expired: the same mechanism as partner users'. */
export const requestAdminPasswordResetAction = publicAction(forgotPasswordSchema, async ({ email }, { db }) =>
  forgotPassword(db, email, "admin", await headers()),
);
