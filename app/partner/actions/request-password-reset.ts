"use server";
import { headers } from "next/headers";
import { after } from "next/server";
import { config } from "@/lib/config";
import { DomainError } from "@/lib/errors";
import { requestPasswordReset } from "@/lib/password-links/links";
import { clientAddress } from "@/lib/client-address";
import { hit } from "@/lib/rate-limit";
import { publicAction } from "@/lib/safe-action";
import { forgotPasswordSchema } from "@/lib/validations/password-link";

/**
 * "Forgot password?" for partner users. The answer is the same whether or not the email exists,
 * and so is its timing: the lookup and the mail run after the response has been sent.
 */
export const requestPasswordResetAction = publicAction(forgotPasswordSchema, async ({ email }, { db }) => {
  if (!(await hit(db, `reset-addr:${clientAddress(await headers())}`, 20, 3600))) {
    throw new DomainError("rate_limited", "Too many requests from your network. Wait a while and try again.");
  }
  after(() =>
    requestPasswordReset(db, email, "partner_user").catch((err) =>
      console.error("[reset] could not send a reset link:", err instanceof Error ? err.message : err),
    ),
  );
  const hours = config.resetTtlHours();
  return {
    message: `If a partner user has this email, we have sent a link to choose a new password. It works once and expires in ${hours === 1 ? "1 hour" : `${hours} hours`}.`,
  };
});
