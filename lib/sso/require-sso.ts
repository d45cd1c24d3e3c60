import "server-only";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db";
import { partnerSsoConnection, partnerUser, type PartnerUserRow } from "@/db/schema";
import { verifiedDomainOwner } from "@/lib/partners/domains";

/**
 * Require SSO: while a partner's single sign-on is enabled and required, its users sign in only
 * through its identity provider; a password is refused ("sso_required"), except for the one
 * break-glass Admin the partner named, who keeps a password for when the provider is down
 * ("break_glass"; no longer once they are not an Admin). Everyone else: "allowed".
 */
export async function passwordSignInPolicy(
  db: Queryable,
  user: Pick<PartnerUserRow, "id" | "partnerOrgId" | "role">,
): Promise<"allowed" | "break_glass" | "sso_required"> {
  const [connection] = await db
    .select({ enabled: partnerSsoConnection.enabled, requireSso: partnerSsoConnection.requireSso, breakGlassUserId: partnerSsoConnection.breakGlassUserId })
    .from(partnerSsoConnection)
    .where(eq(partnerSsoConnection.partnerOrgId, user.partnerOrgId));
  if (!connection?.enabled || !connection.requireSso) return "allowed";
  return connection.breakGlassUserId === user.id && user.role === "admin" ? "break_glass" : "sso_required";
}

/**
 * The single sign-on of the partner that verified the address's domain, if it has one: where the
 * sign-in's "Continue" sends the address, and what "Forgot password?" says of it. Read of the domain
 * alone, whether or not the address belongs to a user.
 */
export async function ssoOfEmailDomain(db: Queryable, email: string): Promise<{ partnerOrgId: string; enabled: boolean; requireSso: boolean } | null> {
  const partnerOrgId = await verifiedDomainOwner(db, email);
  if (!partnerOrgId) return null;
  const [connection] = await db
    .select({ enabled: partnerSsoConnection.enabled, requireSso: partnerSsoConnection.requireSso })
    .from(partnerSsoConnection)
    .where(eq(partnerSsoConnection.partnerOrgId, partnerOrgId));
  return connection ? { partnerOrgId, ...connection } : null;
}

/** True when the address's domain is verified by a partner whose single sign-on is on and required. */
export async function domainRequiresSso(db: Queryable, email: string): Promise<boolean> {
  const sso = await ssoOfEmailDomain(db, email);
  return Boolean(sso?.enabled && sso.requireSso);
}

/** For "Forgot password?": whether this partner user may have a reset link (not while SSO is required of them). */
export async function mayResetPassword(db: Queryable, partnerUserId: string): Promise<boolean> {
  const [user] = await db.select({ id: partnerUser.id, partnerOrgId: partnerUser.partnerOrgId, role: partnerUser.role }).from(partnerUser).where(eq(partnerUser.id, partnerUserId));
  return !user || (await passwordSignInPolicy(db, user)) !== "sso_required";
}
