import "server-only";
import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import type { Db, Queryable, Tx } from "@/db";
import { adminUser, type AdminRole, type AdminUserRow } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { endAllServerSessions } from "@/lib/auth/server-sessions";
import { config } from "@/lib/config";
import { conflict, forbidden, notFound, pgError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { queueMail } from "@/lib/mail/outbox";
import { issueToken, revokeTokens } from "@/lib/password-links/tokens";

/**
 * Portal admins (Owner, Admin, Viewer). Rules kept here, in one place:
 * - Owners and Admins manage admins; Viewers only read (policy "admin:manage").
 * - Only an Owner grants or takes away the Owner role (an Admin cannot promote anyone, itself included, to Owner).
 * - There is always at least one active Owner: owner rows are locked `for update` before a demotion
 *   or removal, so two concurrent requests cannot both remove "the other" Owner.
 * - Demoting or removing an admin ends their sessions at once (sessionVersion bump / row gone).
 */
export const LAST_OWNER_MESSAGE = "There must always be at least one Owner. Make another admin an Owner first.";
export const OWNER_ONLY_MESSAGE = "Only an Owner can grant or remove the Owner role.";
export const DUPLICATE_ADMIN_MESSAGE = "An admin with this email address already exists.";

const RANK: Record<AdminRole, number> = { viewer: 0, admin: 1, owner: 2 };

export type AdminStatus = "invited" | "active";
export interface AdminView {
  id: string;
  email: string;
  role: AdminRole;
  status: AdminStatus;
  created: Date;
}

export async function listAdmins(db: Queryable, actor: Actor): Promise<AdminView[]> {
  assertCan(actor, "admin:read");
  const rows = await db.select().from(adminUser).orderBy(asc(adminUser.created), asc(adminUser.id));
  return rows.map((r) => ({ id: r.id, email: r.email, role: r.role, status: r.passwordHash ? "active" : "invited", created: r.created }));
}

/**
 * Creates the admin without a password and queues an invitation mail in the same transaction
 * (the outbox worker sends it after commit); the accept page sets the password.
 */
export async function inviteAdmin(db: Db, actor: Actor, input: { email: string; role: AdminRole }): Promise<{ admin: AdminUserRow }> {
  assertCan(actor, "admin:manage");
  if (input.role === "owner" && !isOwner(actor)) throw forbidden(OWNER_ONLY_MESSAGE);
  const email = input.email.trim();
  try {
    const admin = await db.transaction(async (tx) => {
      const now = new Date();
      const [admin] = await tx
        .insert(adminUser)
        .values({ id: newId(), email, role: input.role, passwordHash: null, created: now, modified: now })
        .returning();
      const { token, expiresAt } = await issueToken(tx, {
        principalKind: "admin",
        principalId: admin!.id,
        purpose: "invite",
        ttlHours: config.inviteTtlHours(),
      });
      await recordActivity(tx, actor, {
        action: "admin.invited",
        targetKind: "admin_user",
        targetId: admin!.id,
        change: { after: { email, role: input.role } },
        event: { type: "admin.created", row: admin! },
      });
      const link = `${config.appUrl()}/invite/${token}`;
      const as = input.role === "owner" ? "an Owner" : `an ${input.role === "admin" ? "Admin" : "Viewer"}`;
      await queueMail(
        tx,
        {
          to: email,
          subject: "You are invited to Partner Management",
          text: `You have been invited to Partner Management as ${as}.\n\nSet your password here (the link expires in ${config.inviteTtlHours()} hours and works once):\n${link}\n`,
          link,
        },
        expiresAt,
      );
      return admin!;
    });
    return { admin };
  } catch (err) {
    if (pgError(err).code === "23505") throw conflict(DUPLICATE_ADMIN_MESSAGE, { email: [DUPLICATE_ADMIN_MESSAGE] });
    throw err;
  }
}

export async function changeAdminRole(db: Db, actor: Actor, id: string, role: AdminRole): Promise<AdminUserRow> {
  assertCan(actor, "admin:manage");
  return db.transaction(async (tx) => {
    const { target, activeOwners } = await lockForChange(tx, id);
    if ((target.role === "owner" || role === "owner") && target.role !== role && !isOwner(actor)) throw forbidden(OWNER_ONLY_MESSAGE);
    if (target.role === role) return target;
    if (target.role === "owner" && target.passwordHash && activeOwners <= 1) throw conflict(LAST_OWNER_MESSAGE);
    const demoted = RANK[role] < RANK[target.role];
    const [after] = await tx
      .update(adminUser)
      .set({
        role,
        modified: new Date(),
        ...(demoted ? { sessionVersion: sql`${adminUser.sessionVersion} + 1` } : {}),
      })
      .where(eq(adminUser.id, id))
      .returning();
    await recordActivity(tx, actor, {
      action: "admin.role_changed",
      targetKind: "admin_user",
      targetId: id,
      change: { before: { role: target.role }, after: { role }, email: target.email, sessionsEnded: demoted },
      event: { type: "admin.role_changed", row: after! },
    });
    return after!;
  });
}

export async function removeAdmin(db: Db, actor: Actor, id: string): Promise<void> {
  assertCan(actor, "admin:manage");
  await db.transaction(async (tx) => {
    const { target, activeOwners } = await lockForChange(tx, id);
    if (target.role === "owner" && !isOwner(actor)) throw forbidden(OWNER_ONLY_MESSAGE);
    if (target.role === "owner" && target.passwordHash && activeOwners <= 1) throw conflict(LAST_OWNER_MESSAGE);
    // The row goes, so `getAdmin` finds nothing and every session of this admin ends at once.
    await tx.delete(adminUser).where(eq(adminUser.id, id));
    await revokeTokens(tx, { principalKind: "admin", principalId: id });
    await recordActivity(tx, actor, {
      action: "admin.removed",
      targetKind: "admin_user",
      targetId: id,
      change: { before: { email: target.email, role: target.role } },
      event: { type: "admin.removed", row: target },
    });
  });
}

/** Settings > Admins, "End sessions" (Owners): every session of that admin ends at once, on every instance. */
export async function endAdminSessions(db: Db, actor: Actor, id: string): Promise<void> {
  assertCan(actor, "admin:sessions");
  await db.transaction(async (tx) => {
    const [target] = await tx.select().from(adminUser).where(eq(adminUser.id, id)).for("update");
    if (!target) throw notFound("Admin not found.");
    await endAllServerSessions(tx, "admin", id);
    await recordActivity(tx, actor, { action: "admin.sessions_ended", targetKind: "admin_user", targetId: id, change: { email: target.email } });
  });
}

/**
 * Locks every active Owner row (in id order, so concurrent callers queue instead of deadlocking),
 * then the target row. Under READ COMMITTED a waiting caller re-reads the owners after the first
 * one commits, so it counts what is really left.
 */
async function lockForChange(tx: Tx, id: string) {
  const owners = await tx
    .select({ id: adminUser.id })
    .from(adminUser)
    .where(and(eq(adminUser.role, "owner"), isNotNull(adminUser.passwordHash)))
    .orderBy(asc(adminUser.id))
    .for("update");
  const [target] = await tx.select().from(adminUser).where(eq(adminUser.id, id)).for("update");
  if (!target) throw notFound("Admin not found.");
  return { target, activeOwners: owners.length };
}

function isOwner(actor: Actor): boolean {
  return actor.kind === "system" || (actor.kind === "admin" && actor.role === "owner");
}
