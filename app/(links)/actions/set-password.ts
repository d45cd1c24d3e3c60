"use server";
import { getDb } from "@/db";
import { setPasswordWithToken } from "@/lib/password-links/links";
import { failure, fieldErrorsOf, type ActionResult } from "@/lib/safe-action";
import { inspectToken } from "@/lib/password-links/tokens";
import { newPasswordSchema } from "@/lib/validations/auth";
import { passwordLinkSchema } from "@/lib/validations/password-link";

/**
 * Sets a password from an invitation or reset link. No session is needed: the link is the
 * credential, checked and used once inside the transaction that sets the password.
 */
export async function setPasswordAction(input: unknown): Promise<ActionResult<{ redirectTo: string }>> {
  try {
    const link = passwordLinkSchema.safeParse(input);
    if (!link.success) return { ok: false, message: "This link is not valid." };
    const parsed = newPasswordSchema.safeParse(input);
    if (!parsed.success) {
      return { ok: false, message: "Check the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error) };
    }
    const db = await getDb();
    const { token, purpose } = link.data;
    // Hashing costs memory and time: only for a link that is usable now.
    if ((await inspectToken(db, token, purpose)).state !== "valid") return { ok: false, message: LINK_GONE };
    const done = await setPasswordWithToken(db, token, purpose, parsed.data.password);
    if (!done) return { ok: false, message: LINK_GONE };
    return { ok: true, data: { redirectTo: done.kind === "admin" ? "/?password=set" : "/partner?password=set" } };
  } catch (err) {
    return failure(err);
  }
}

const LINK_GONE = "This link has expired or has already been used. Reload the page to see what to do next.";
