import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db, Queryable } from "@/db";
import { partnerOrg, partnerUser, userToken, type PartnerUserRow } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { conflict, notFound } from "@/lib/errors";
import { issuePasswordReset, revokeInvitation, sendInvitation, type LinkRecipient } from "@/lib/password-links/links";

/**
 * A partner user's account state, as the admin app shows it: "suspended" while suspended (by their
 * directory over SCIM); else "active" once a password is set (or they have signed in with single
 * sign-on), otherwise the state of their newest invitation.
 */
export type PartnerUserStatus = "suspended" | "active" | "invited" | "expired" | "revoked" | "not_invited";

export async function partnerUserStatuses(
  db: Queryable,
  users: Pick<PartnerUserRow, "id" | "passwordHash" | "lastSignInAt" | "suspendedAt">[],
  now = new Date(),
): Promise<Map<string, PartnerUserStatus>> {
  const pending = users.filter((u) => !u.suspendedAt && !u.passwordHash && !u.lastSignInAt).map((u) => u.id);
  const tokens = pending.length
    ? await db
        .select({ principalId: userToken.principalId, expiresAt: userToken.expiresAt, usedAt: userToken.usedAt, revokedAt: userToken.revokedAt })
        .from(userToken)
        .where(and(eq(userToken.principalKind, "partner_user"), eq(userToken.purpose, "invite"), inArray(userToken.principalId, pending)))
        .orderBy(desc(userToken.created), desc(userToken.id))
    : [];
  const newest = new Map<string, (typeof tokens)[number]>();
  for (const t of tokens) if (!newest.has(t.principalId)) newest.set(t.principalId, t);
  const out = new Map<string, PartnerUserStatus>();
  for (const u of users) {
    const t = newest.get(u.id);
    if (u.suspendedAt) out.set(u.id, "suspended");
    else if (u.passwordHash || u.lastSignInAt) out.set(u.id, "active");
    else if (!t) out.set(u.id, "not_invited");
    else if (t.revokedAt || t.usedAt) out.set(u.id, "revoked");
    else if (t.expiresAt.getTime() <= now.getTime()) out.set(u.id, "expired");
    else out.set(u.id, "invited");
  }
  return out;
}

async function recipient(db: Queryable, orgId: string, userId: string): Promise<{ to: LinkRecipient; user: PartnerUserRow }> {
  const [row] = await db
    .select({ user: partnerUser, orgName: partnerOrg.name })
    .from(partnerUser)
    .innerJoin(partnerOrg, eq(partnerOrg.id, partnerUser.partnerOrgId))
    .where(and(eq(partnerUser.id, userId), eq(partnerUser.partnerOrgId, orgId)));
  if (!row) throw notFound("Partner user not found.");
  const to = { principalKind: "partner_user" as const, principalId: userId, email: row.user.email, partnerOrgId: orgId, orgName: row.orgName };
  return { to, user: row.user };
}

/** Sends a new invitation link; the earlier one stops working. Only for users without a password. */
export async function resendPartnerInvitation(db: Db, actor: Actor, orgId: string, userId: string): Promise<void> {
  assertCan(actor, "user:create", orgId);
  const { to, user } = await recipient(db, orgId, userId);
  if (user.passwordHash) throw conflict("This user has already set a password. Send a password reset instead.");
  await sendInvitation(db, actor, to, "invitation.resent");
}

export async function revokePartnerInvitation(db: Db, actor: Actor, orgId: string, userId: string): Promise<boolean> {
  assertCan(actor, "user:create", orgId);
  const { to } = await recipient(db, orgId, userId);
  return revokeInvitation(db, actor, to);
}

/** A portal admin sends a reset link; nobody but the user ever chooses their password. */
export async function sendPartnerPasswordReset(db: Db, actor: Actor, orgId: string, userId: string): Promise<void> {
  assertCan(actor, "user:reset", orgId);
  const { to } = await recipient(db, orgId, userId);
  await db.transaction((tx) => issuePasswordReset(tx, actor, to));
}
