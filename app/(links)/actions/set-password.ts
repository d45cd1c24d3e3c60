"use server";
import { invalid } from "@/lib/errors";
import { setPasswordWithToken } from "@/lib/password-links/links";
import { inspectToken } from "@/lib/password-links/tokens";
import { publicAction } from "@/lib/safe-action";
import { setPasswordSchema } from "@/lib/validations/password-link";

const linkGone = () => invalid("This link has expired or has already been used. Reload the page to see what to do next.");

/**
 * Sets a password from an invitation or reset link. No session is needed: the link is the
 * credential, checked and used once inside the transaction that sets the password.
 */
export const setPasswordAction = publicAction(setPasswordSchema, async ({ token, purpose, password }, { db }) => {
  // Hashing costs memory and time: only for a link that is usable now.
  if ((await inspectToken(db, token, purpose)).state !== "valid") throw linkGone();
  const done = await setPasswordWithToken(db, token, purpose, password);
  if (!done) throw linkGone();
  return { redirectTo: done.kind === "admin" ? "/?password=set" : "/partner?password=set" };
});
