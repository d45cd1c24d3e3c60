"use server";
import { headers } from "next/headers";
import { after } from "next/server";
import { getDb } from "@/db";
import { config } from "@/lib/config";
import { requestPasswordReset } from "@/lib/password-links/links";
import { clientAddress, hit } from "@/lib/rate-limit";
import { failure, fieldErrorsOf, type ActionResult } from "@/lib/safe-action";
import { forgotPasswordSchema } from "@/lib/validations/password-link";

/**
 * "Forgot password?" for partner users. The answer is the same whether or not the email exists,
 * and so is its timing: the lookup and the mail run after the response has been sent.
 */
export async function requestPasswordResetAction(input: unknown): Promise<ActionResult<{ message: string }>> {
  try {
    const parsed = forgotPasswordSchema.safeParse(input);
    if (!parsed.success) return { ok: false, message: "Check the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error) };
    const db = await getDb();
    if (!(await hit(db, `reset-addr:${clientAddress(await headers())}`, 20, 3600))) {
      return { ok: false, message: "Too many requests from your network. Wait a while and try again." };
    }
    const email = parsed.data.email;
    after(() =>
      requestPasswordReset(db, email, "partner_user").catch((err) =>
        console.error("[reset] could not send a reset link:", err instanceof Error ? err.message : err),
      ),
    );
    const hours = config.resetTtlHours();
    return {
      ok: true,
      data: {
        message: `If a partner user has this email, we have sent a link to choose a new password. It works once and expires in ${hours === 1 ? "1 hour" : `${hours} hours`}.`,
      },
    };
  } catch (err) {
    return failure(err);
  }
}
