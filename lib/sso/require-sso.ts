import "server-only";
import { and, eq } from "drizzle-orm";
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
 * True when the address's domain is verified by a partner that requires single sign-on: what
 * "Forgot password?" tells anyone who asks, whether or not the address belongs to a user.
 */
export async function domainRequiresSso(db: Queryable, email: string): Promise<boolean> {
  const partnerOrgId = await verifiedDomainOwner(db, email);
  if (!partnerOrgId) return false;
  const [row] = await db
    .select({ partnerOrgId: partnerSsoConnection.partnerOrgId })
    .from(partnerSsoConnection)
    .where(and(eq(partnerSsoConnection.partnerOrgId, partnerOrgId), eq(partnerSsoConnection.enabled, true), eq(partnerSsoConnection.requireSso, true)));
  return Boolean(row);
}

/** For "Forgot password?": whether the partner user at this (lower-case) address may have a reset link. */
export async function mayResetPassword(db: Queryable, partnerUserId: string): Promise<boolean> {
  const [user] = await db.select({ id: partnerUser.id, partnerOrgId: partnerUser.partnerOrgId, role: partnerUser.role }).from(partnerUser).where(eq(partnerUser.id, partnerUserId));
  return !user || (await passwordSignInPolicy(db, user)) !== "sso_required";
}
