import "server-only";
import { eq, sql } from "drizzle-orm";
import type { AuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { getDb } from "@/db";
import { partnerUser } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record";
import { checkPassword } from "@/lib/auth/password-sign-in";
import { isPartnerSuspended } from "@/lib/partners/suspension";
import { redeemSsoTicket, SSO_TICKET_COOKIE } from "@/lib/sso/complete";
import { passwordSignInPolicy } from "@/lib/sso/require-sso";

export const PARTNER_SSO_ID = "partner-sso";

// next-auth is CommonJS: under Node's own loader (the unit tests call these providers) its default
// export arrives wrapped in the module object; Next's bundler unwraps it.
const CredentialsProvider = (Credentials as unknown as { default?: typeof Credentials }).default ?? Credentials;

/** What a partner sign-in hands to the jwt callback (see lib/auth/options.ts). */
export interface PartnerSignIn {
  id: string;
  email: string;
  kind: "partner_user";
  sv: number;
}

async function findByEmail(email: string) {
  const db = await getDb();
  const [user] = await db.select().from(partnerUser).where(sql`lower(${partnerUser.email}) = ${email.toLowerCase()}`);
  return { db, user };
}

/** Partner users sign in with email and password (the shared, rate-limited check). */
const partnerCredentials = CredentialsProvider({
  id: "partner",
  name: "Partner user",
  credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
  async authorize(credentials, req) {
    const checked = await checkPassword({
      credentials,
      headers: req?.headers,
      keys: { account: "signin:partner:", address: "signin:partner-addr:" },
      find: (_db, email) => findByEmail(email).then((r) => r.user),
      onFailure: (db, email, user) =>
        recordActivity(db, { kind: "anonymous", label: email }, {
          action: "partner_user.sign_in_failed",
          targetKind: "partner_user",
          targetId: user?.id ?? null,
          partnerOrgId: user?.partnerOrgId ?? null,
          success: false,
        }),
    });
    if (!checked) return null;
    const { user } = checked;
    await assertNotSuspended(user, "password");
    // Require SSO is told only to whoever knows the password: a wrong one says nothing more.
    const policy = await passwordSignInPolicy(checked.db, user);
    if (policy === "sso_required") {
      await recordActivity(checked.db, { kind: "anonymous", label: user.email }, {
        action: "partner_user.sign_in_failed",
        targetKind: "partner_user",
        targetId: user.id,
        partnerOrgId: user.partnerOrgId,
        change: { method: "password", reason: "sso required" },
        success: false,
      });
      throw new Error("SsoRequired");
    }
    return signedIn(user, "password", policy === "break_glass" ? "partner_user.break_glass_sign_in" : undefined);
  },
});

/** The sign-in forms' errors for a suspended user ("AccountSuspended") or partner ("Suspended"), the attempt recorded. */
async function assertNotSuspended(user: typeof partnerUser.$inferSelect, method: "password" | "sso"): Promise<void> {
  if (user.suspendedAt) {
    await refuseSuspended(user, method);
    throw new Error("AccountSuspended");
  }
  if (await refusedAsSuspended(user, method)) throw new Error("Suspended");
}

/** A suspended partner user (see partner_user.suspended_at) cannot sign in by any method. */
async function refuseSuspended(user: typeof partnerUser.$inferSelect, method: "password" | "sso"): Promise<void> {
  const db = await getDb();
  await recordActivity(db, { kind: "anonymous", label: user.email }, {
    action: "partner_user.sign_in_failed",
    targetKind: "partner_user",
    targetId: user.id,
    partnerOrgId: user.partnerOrgId,
    change: { method, reason: "suspended" },
    success: false,
  });
}

/** `action`: "partner_user.break_glass_sign_in" when the break-glass Admin signs in with a password while SSO is required. */
async function signedIn(
  user: typeof partnerUser.$inferSelect,
  method: "password" | "sso" | "sso:oidc" | "sso:saml",
  action: "partner_user.signed_in" | "partner_user.break_glass_sign_in" = "partner_user.signed_in",
): Promise<PartnerSignIn> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.update(partnerUser).set({ lastSignInAt: new Date() }).where(eq(partnerUser.id, user.id));
    await recordActivity(tx, { kind: "partner_user", id: user.id, partnerOrgId: user.partnerOrgId, role: user.role, label: user.email }, {
      action,
      targetKind: "partner_user",
      targetId: user.id,
      partnerOrgId: user.partnerOrgId,
      change: { method },
    });
  });
  return { id: user.id, email: user.email, kind: "partner_user", sv: user.sessionVersion };
}

/** A suspended partner's users are refused (and the attempt recorded), whatever the method. */
async function refusedAsSuspended(user: typeof partnerUser.$inferSelect, method: "password" | "sso"): Promise<boolean> {
  const db = await getDb();
  if (!(await isPartnerSuspended(db, user.partnerOrgId))) return false;
  await recordActivity(db, { kind: "anonymous", label: user.email }, {
    action: "partner_user.sign_in_failed",
    targetKind: "partner_user",
    targetId: user.id,
    partnerOrgId: user.partnerOrgId,
    change: { method, reason: "partner suspended" },
    success: false,
  });
  return true;
}

/** The OpenID Connect claims used: the email must be present and verified by the provider. */
interface OidcProfile {
  sub: string;
  email?: string;
  /** Amazon Cognito sends "true"/"false" as strings from its userinfo endpoint. */
  email_verified?: boolean | string;
}

/**
 * Single sign-on (e.g. Amazon Cognito) when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are
 * set. The verified email must belong to an existing partner user; nobody is created. A refused
 * sign-in comes back to the partner sign-in page (see the signIn callback in lib/auth/options.ts).
 */
export function partnerSso(): OAuthConfig<OidcProfile> | null {
  const issuer = process.env.OIDC_ISSUER?.replace(/\/+$/, "");
  const clientId = process.env.OIDC_CLIENT_ID;
  const clientSecret = process.env.OIDC_CLIENT_SECRET;
  if (!issuer || !clientId || !clientSecret) return null;
  return {
    id: PARTNER_SSO_ID,
    name: process.env.OIDC_NAME || "single sign-on",
    type: "oauth",
    wellKnown: `${issuer}/.well-known/openid-configuration`,
    clientId,
    clientSecret,
    authorization: { params: { scope: "openid email" } },
    // The ID token is verified (signature, issuer, audience); the email claims are read from the
    // userinfo endpoint, where every provider returns them for the code flow.
    idToken: true,
    userinfo: { request: ({ client, tokens }) => client.userinfo(tokens.access_token!) as Promise<never> },
    checks: ["pkce", "state"],
    async profile(profile) {
      const verified = profile.email_verified === true || profile.email_verified === "true";
      const email = profile.email?.trim();
      const { db, user } = email && verified ? await findByEmail(email) : { db: await getDb(), user: undefined };
      if (!user) {
        await recordActivity(db, { kind: "anonymous", label: email || `sso:${profile.sub}` }, {
          action: "partner_user.sign_in_failed",
          targetKind: "partner_user",
          change: { method: "sso", reason: !email ? "no email" : verified ? "unknown email" : "email not verified" },
          success: false,
        });
        // No user: the signIn callback refuses it.
        return { id: `refused:${profile.sub}`, email: email ?? null, kind: "refused" } as never;
      }
      if (user.suspendedAt) {
        await refuseSuspended(user, "sso");
        return { id: `refused:${profile.sub}`, email, kind: "refused", reason: "suspended" } as never;
      }
      if (await refusedAsSuspended(user, "sso")) return { id: `refused:${profile.sub}`, email, kind: "refused", reason: "partner_suspended" } as never;
      return (await signedIn(user, "sso")) as never;
    },
  };
}

export const PARTNER_SSO_TICKET_ID = "partner-sso-ticket";

/**
 * The last step of a partner's own single sign-on (OIDC or SAML, lib/sso/*): the callback route
 * accepted the provider's answer and left a one-time ticket in an HttpOnly cookie; this exchanges
 * it for a session. Suspension is checked again, since a minute may have passed.
 */
const partnerSsoTicket = CredentialsProvider({
  id: PARTNER_SSO_TICKET_ID,
  name: "Partner single sign-on",
  credentials: {},
  async authorize(_credentials, req) {
    const cookies = String(req?.headers?.cookie ?? "");
    const token = cookies.split(/;\s*/).find((c) => c.startsWith(`${SSO_TICKET_COOKIE}=`))?.slice(SSO_TICKET_COOKIE.length + 1);
    const redeemed = token ? await redeemSsoTicket(await getDb(), token) : null;
    if (!redeemed) return null;
    const { user } = redeemed;
    await assertNotSuspended(user, "sso");
    return signedIn(user, `sso:${redeemed.protocol}`) as never;
  },
});

/** Sign-in methods of partner users (credentials, a partner's own SSO, the global SSO). */
export function partnerProviders(): AuthOptions["providers"] {
  const sso = partnerSso();
  return sso ? [partnerCredentials, partnerSsoTicket, sso] : [partnerCredentials, partnerSsoTicket];
}

export const ssoEnabled = () => partnerSso() !== null;
