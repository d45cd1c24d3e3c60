import "server-only";
import { PARTNER_ROLE_LABEL } from "@/components/partners/labels";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, lt, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { partnerSsoConnection, partnerUser, ssoTicket, type PartnerRole, type PartnerUserRow, type SsoProtocol } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record";
import type { Actor } from "@/lib/auth/actor";
import { config } from "@/lib/config";
import { DomainError } from "@/lib/errors";
import { verifiedDomainOwner } from "@/lib/partners/domains";
import { isPartnerSuspended } from "@/lib/partners/suspension";
import { createPartnerUser } from "@/lib/partners/users";
import { recordSsoTestResult, reportAttributes } from "./requests";

/** What a partner's identity provider said about who signed in (OIDC claims or a SAML assertion). */
export interface SsoIdentity {
  partnerOrgId: string;
  protocol: SsoProtocol;
  /** The provider's stable id for the person (OIDC `sub`, SAML NameID). */
  subject: string;
  email: string | null;
  /** OIDC: `email_verified`. SAML: true (the IdP asserts the address it manages). */
  emailVerified: boolean;
  name?: string | null;
  firstName?: string | null;
  lastName?: string | null;
}

/** Why an SSO sign-in was refused; each has its page text in SSO_REFUSALS. */
export type SsoRefusal =
  | "no_email"
  | "email_not_verified"
  | "domain_not_verified"
  | "other_partner"
  | "not_a_member"
  | "suspended"
  | "partner_suspended"
  | "not_enabled"
  | "provider_error"
  | "request_expired"
  | "rate_limited";

/** The refused page's words (app/partner/sso/refused), one per reason. */
export const SSO_REFUSALS: Record<SsoRefusal, { title: string; body: string }> = {
  no_email: {
    title: "Your identity provider sent no email address",
    body: "Ask your administrator to release your email address to this app, then sign in again.",
  },
  email_not_verified: {
    title: "Your email address is not verified",
    body: "Your identity provider says your email address is not verified. Verify it there, then sign in again.",
  },
  domain_not_verified: {
    title: "This email address is not one of your partner's domains",
    body: "Single sign-on accepts only email addresses of the domains your partner has verified. Ask your partner Admin.",
  },
  other_partner: {
    title: "This email address belongs to another partner",
    body: "An email address can belong to only one partner user, across all partners. Sign in on that partner's page, or ask the portal admins to move you.",
  },
  not_a_member: {
    title: "You are not a member of this partner yet",
    body: "Your partner adds members itself. Ask your partner Admin to invite you, then sign in again.",
  },
  suspended: { title: "Your account is suspended", body: "Ask your partner Admin to restore it." },
  partner_suspended: { title: "Your partner account is suspended", body: "Contact the portal admins." },
  not_enabled: { title: "Single sign-on is not available", body: "This partner's single sign-on is turned off. Sign in with your email and password." },
  provider_error: {
    title: "Your identity provider's answer could not be accepted",
    body: "The sign-in at your identity provider failed or its answer did not pass the checks. Try again; if it keeps failing, ask your partner Admin to test the connection.",
  },
  request_expired: {
    title: "This sign-in has expired",
    body: "The sign-in took too long, or its answer was already used. Start again from the sign-in page.",
  },
  rate_limited: {
    title: "Too many sign-ins from your network",
    body: "Wait a few minutes, then sign in again.",
  },
};

export type SsoOutcome = { ok: true; user: PartnerUserRow; created: boolean } | { ok: false; reason: SsoRefusal };

/** The actor of just-in-time membership: the partner's single sign-on itself. */
const jitActor: Actor = { kind: "system", label: "Single sign-on (just-in-time)" };

/** What the rule makes of an answer: an existing member, a member to create, or a refusal. */
export type SsoVerdict =
  | { kind: "member"; user: PartnerUserRow }
  | { kind: "just_in_time"; email: string; role: PartnerRole }
  | { kind: "refused"; reason: SsoRefusal; userId?: string };

/**
 * Decides who an accepted SSO answer signs in, by the one rule set for OIDC and SAML alike
 * (reading only; `resolveSsoUser` acts on it, "Test connection" reports it):
 * - the email must be present and verified by the provider, and its domain verified by THIS
 *   partner (a provider may only speak for the partner's own domains);
 * - an existing user of this partner signs in (unless suspended, or the partner is);
 * - a user of another partner is refused, never moved (emails are unique across partners);
 * - nobody with that email: created with the partner's default role when just-in-time members are
 *   on, refused otherwise.
 * `asIfEnabled`: judge a connection that is still off as if it were on (a test before switching on).
 */
export async function decideSsoUser(db: Db, identity: SsoIdentity, { asIfEnabled = false } = {}): Promise<SsoVerdict> {
  const refused = (reason: SsoRefusal, userId?: string): SsoVerdict => ({ kind: "refused", reason, userId });
  const [connection] = await db
    .select({ enabled: partnerSsoConnection.enabled, jitEnabled: partnerSsoConnection.jitEnabled, jitRole: partnerSsoConnection.jitRole })
    .from(partnerSsoConnection)
    .where(eq(partnerSsoConnection.partnerOrgId, identity.partnerOrgId));
  if (!connection || (!connection.enabled && !asIfEnabled)) return refused("not_enabled");
  const email = identity.email?.trim();
  if (!email) return refused("no_email");
  if (!identity.emailVerified) return refused("email_not_verified");
  if ((await verifiedDomainOwner(db, email)) !== identity.partnerOrgId) return refused("domain_not_verified");
  if (await isPartnerSuspended(db, identity.partnerOrgId)) return refused("partner_suspended");

  const [existing] = await db.select().from(partnerUser).where(sql`lower(${partnerUser.email}) = ${email.toLowerCase()}`);
  if (existing) {
    if (existing.partnerOrgId !== identity.partnerOrgId) return refused("other_partner", existing.id);
    if (existing.suspendedAt) return refused("suspended", existing.id);
    return { kind: "member", user: existing };
  }
  if (!connection.jitEnabled) return refused("not_a_member");
  return { kind: "just_in_time", email, role: connection.jitRole };
}

/**
 * Signs in by the rule (`decideSsoUser`): a member as they are, a just-in-time member created
 * (audited, no invitation mail). Every refusal is in the audit trail.
 */
export async function resolveSsoUser(db: Db, identity: SsoIdentity): Promise<SsoOutcome> {
  const refuse = async (reason: SsoRefusal, userId?: string): Promise<SsoOutcome> => {
    await recordActivity(db, { kind: "anonymous", label: identity.email || `sso:${identity.subject}` }, {
      action: "partner_user.sign_in_failed",
      targetKind: "partner_user",
      targetId: userId ?? null,
      partnerOrgId: identity.partnerOrgId,
      change: { method: `sso:${identity.protocol}`, reason },
      success: false,
    });
    return { ok: false, reason };
  };
  const verdict = await decideSsoUser(db, identity);
  if (verdict.kind === "refused") return refuse(verdict.reason, verdict.userId);
  if (verdict.kind === "member") return { ok: true, user: verdict.user, created: false };
  const { email, role } = verdict;
  try {
    const user = await createPartnerUser(db, jitActor, identity.partnerOrgId, {
      email,
      name: identity.name ?? null,
      firstName: identity.firstName ?? null,
      lastName: identity.lastName ?? null,
      role,
      invite: false,
    });
    return { ok: true, user, created: true };
  } catch (err) {
    // Created meanwhile by another partner's flow (the unique index on lower(email) decided).
    if (err instanceof DomainError && err.code === "conflict") {
      const [raced] = await db.select().from(partnerUser).where(sql`lower(${partnerUser.email}) = ${email.toLowerCase()}`);
      if (raced?.partnerOrgId === identity.partnerOrgId && !raced.suspendedAt) return { ok: true, user: raced, created: false };
      return refuse(raced?.partnerOrgId === identity.partnerOrgId ? "suspended" : "other_partner", raced?.id);
    }
    throw err;
  }
}

/**
 * "Test connection" succeeded: stores who came back and what the rule would make of them once the
 * connection is on (nobody is signed in or created by a test).
 */
export async function reportSsoTest(db: Db, identity: SsoIdentity, attributes: Record<string, unknown>): Promise<void> {
  const verdict = await decideSsoUser(db, identity, { asIfEnabled: true });
  const signIn =
    verdict.kind === "member"
      ? `Would sign in as a member (${PARTNER_ROLE_LABEL[verdict.user.role]}).`
      : verdict.kind === "just_in_time"
        ? `Would join just in time as ${PARTNER_ROLE_LABEL[verdict.role]}.`
        : `Would be refused: ${SSO_REFUSALS[verdict.reason].title}.`;
  await recordSsoTestResult(db, identity.partnerOrgId, {
    ok: true,
    protocol: identity.protocol,
    subject: identity.subject,
    email: identity.email,
    emailVerified: identity.emailVerified,
    attributes: reportAttributes(attributes),
    signIn,
  });
}

/** The cookie that carries a ticket from the SSO callback to /partner/sso/complete. */
export const SSO_TICKET_COOKIE = "pm-sso-ticket";
const TICKET_TTL_MS = 60_000;

const hashTicket = (token: string) => createHash("sha256").update(token).digest("base64url");

/** A one-time ticket for `userId`, good for a minute (see the sso_ticket table). */
export async function issueSsoTicket(db: Db, userId: string, protocol: SsoProtocol, returnTo: string | null): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.delete(ssoTicket).where(lt(ssoTicket.expiresAt, new Date()));
  await db.insert(ssoTicket).values({ tokenHash: hashTicket(token), partnerUserId: userId, protocol, returnTo, expiresAt: new Date(Date.now() + TICKET_TTL_MS) });
  return token;
}

/** Uses a ticket up: the user it was issued for (once, before it expires), else null. */
export async function redeemSsoTicket(db: Db, token: string): Promise<{ user: PartnerUserRow; protocol: SsoProtocol; returnTo: string | null } | null> {
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(token)) return null;
  const [ticket] = await db
    .delete(ssoTicket)
    .where(and(eq(ssoTicket.tokenHash, hashTicket(token)), gt(ssoTicket.expiresAt, new Date())))
    .returning();
  if (!ticket) return null;
  const [user] = await db.select().from(partnerUser).where(eq(partnerUser.id, ticket.partnerUserId));
  return user ? { user, protocol: ticket.protocol, returnTo: ticket.returnTo } : null;
}

/**
 * Where the sign-in a ticket completes should open (the page it started from), read without using
 * the ticket up: /partner/sso/complete goes there once the ticket became a session.
 */
export async function ssoTicketReturnTo(db: Db, token: string): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(token)) return null;
  const [ticket] = await db
    .select({ returnTo: ssoTicket.returnTo })
    .from(ssoTicket)
    .where(and(eq(ssoTicket.tokenHash, hashTicket(token)), gt(ssoTicket.expiresAt, new Date())));
  return safeReturnTo(ticket?.returnTo);
}

/** Only a path of this app (no scheme, no host, no `//`) is a place to return to. */
export function safeReturnTo(value: string | null | undefined): string | null {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return null;
  return value.length <= 500 ? value : null;
}

/**
 * The answer of an SSO callback route once the identity is resolved: a ticket cookie and a redirect
 * to the page that exchanges it for a session, or a redirect to the refused page.
 */
export async function finishSsoSignIn(db: Db, identity: SsoIdentity, returnTo: string | null): Promise<Response> {
  const outcome = await resolveSsoUser(db, identity);
  if (!outcome.ok) return ssoRefusedResponse(outcome.reason);
  const token = await issueSsoTicket(db, outcome.user.id, identity.protocol, safeReturnTo(returnTo));
  const secure = config.appUrl().startsWith("https://") ? "; Secure" : "";
  return ssoRedirect("/partner/sso/complete", `${SSO_TICKET_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=60${secure}`);
}

/** The refused page for `reason`, as an answer of an SSO route. */
export const ssoRefusedResponse = (reason: SsoRefusal): Response => ssoRedirect(`/partner/sso/refused?reason=${reason}`);

/** 303: after a SAML POST the browser follows with a GET. Relative, so the host the browser used stays. */
export function ssoRedirect(location: string, cookie?: string): Response {
  const headers = new Headers({ Location: location, "Cache-Control": "no-store" });
  if (cookie) headers.append("Set-Cookie", cookie);
  return new Response(null, { status: 303, headers });
}
