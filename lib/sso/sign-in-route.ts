import "server-only";
import type { Db } from "@/db";
import { clientAddress } from "@/lib/client-address";
import { DomainError } from "@/lib/errors";
import { hit } from "@/lib/rate-limit";
import { ssoStartPath } from "./requests";
import { ssoOfEmailDomain } from "./require-sso";

/** Where a partner sign-in continues after its email step. */
export type SignInRoute = { next: "sso"; url: string } | { next: "password" };

/** "Continue" on the partner sign-in page, per address and quarter-hour: plenty for people, little for a scraper. */
const PER_ADDRESS = 60;
const WINDOW_SECONDS = 900;

/**
 * Email-first partner sign-in: an address of a domain verified by a partner whose single sign-on
 * is enabled goes to that partner's identity provider (with the address as its login hint); any
 * other address signs in with a password. The answer depends on the domain alone, never on
 * whether the address belongs to a user, so it tells nobody who has an account.
 */
export async function partnerSignInRoute(db: Db, email: string, headers: Headers): Promise<SignInRoute> {
  if (!(await hit(db, `signin-route-addr:${clientAddress(headers)}`, PER_ADDRESS, WINDOW_SECONDS))) {
    throw new DomainError("rate_limited", "Too many sign-in attempts. Wait a few minutes and try again.");
  }
  const sso = await ssoOfEmailDomain(db, email);
  if (!sso?.enabled) return { next: "password" };
  return { next: "sso", url: ssoStartPath(sso.partnerOrgId, { loginHint: email.trim() }) };
}
