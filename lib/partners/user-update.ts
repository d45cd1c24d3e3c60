import "server-only";
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { partnerOrg, partnerUser, type PartnerRole, type PartnerUserRow } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { conflict, notFound } from "@/lib/errors";
import { fullName, uniquenessError } from "./users";

export const LAST_ADMIN_MESSAGE = "An organisation needs at least one Admin. Make someone else an Admin first.";

/** What may change on a partner user; absent keys stay as they are. */
export interface PartnerUserChanges {
  email?: string;
  name?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  phone?: string | null;
  externalId?: string | null;
  directoryUserName?: string | null;
  role?: PartnerRole;
  /** true suspends (sessions end at once, no sign-in), false restores. */
  suspended?: boolean;
}

const PROFILE = ["email", "name", "firstName", "lastName", "phone", "externalId", "directoryUserName"] as const;

/** The organisation's active (not suspended) Admins other than `userId`. */
async function otherActiveAdmins(tx: Tx, orgId: string, userId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(partnerUser)
    .where(and(eq(partnerUser.partnerOrgId, orgId), eq(partnerUser.role, "admin"), ne(partnerUser.id, userId), isNull(partnerUser.suspendedAt)));
  return Number(row?.n ?? 0);
}

/** Throws unless the organisation keeps another active Admin besides `userId` (lock the org row first). */
export async function assertAnotherAdmin(tx: Tx, orgId: string, userId: string): Promise<void> {
  if ((await otherActiveAdmins(tx, orgId, userId)) < 1) throw conflict(LAST_ADMIN_MESSAGE);
}

/**
 * Changes a partner user's profile, role and suspension in one transaction, each change checked by
 * the policy and audited. A role change keeps the organisation's last Admin; suspending ends the
 * user's sessions at once (session version bumped). Suspending the last Admin is allowed: when a
 * directory deactivates a leaver, access must end, and portal admins can still appoint an Admin.
 */
export async function updatePartnerUser(db: Db, actor: Actor, orgId: string, userId: string, changes: PartnerUserChanges): Promise<PartnerUserRow> {
  assertCan(actor, "user:read", orgId);
  const profile = PROFILE.filter((k) => changes[k] !== undefined);
  if (profile.length) assertCan(actor, "user:update", orgId);
  if (changes.role !== undefined) assertCan(actor, "user:role", orgId);
  if (changes.suspended !== undefined) assertCan(actor, "user:suspend", orgId);
  try {
    return await db.transaction(async (tx) => {
      // Locks the organisation, as a role change does: two changes cannot both take its last Admin.
      const [org] = await tx.select({ id: partnerOrg.id }).from(partnerOrg).where(eq(partnerOrg.id, orgId)).for("update");
      if (!org) throw notFound("Partner organisation not found.");
      const [before] = await tx.select().from(partnerUser).where(and(eq(partnerUser.id, userId), eq(partnerUser.partnerOrgId, orgId)));
      if (!before) throw notFound("Partner user not found.");

      const set: Partial<typeof partnerUser.$inferInsert> = {};
      const was: Record<string, unknown> = {};
      const now: Record<string, unknown> = {};
      for (const key of profile) {
        const value = key === "email" ? changes.email!.trim() : changes[key];
        if (value === before[key]) continue;
        Object.assign(set, { [key]: value });
        was[key] = before[key];
        now[key] = value;
      }
      const roleChanges = changes.role !== undefined && changes.role !== before.role;
      if (roleChanges) {
        if (before.role === "admin") await assertAnotherAdmin(tx, orgId, userId);
        set.role = changes.role;
      }
      const suspend = changes.suspended === true && !before.suspendedAt;
      const restore = changes.suspended === false && !!before.suspendedAt;
      if (suspend) Object.assign(set, { suspendedAt: new Date(), sessionVersion: before.sessionVersion + 1 });
      if (restore) set.suspendedAt = null;
      if (Object.keys(set).length === 0) return before;

      const [after] = await tx.update(partnerUser).set({ ...set, modified: new Date() }).where(eq(partnerUser.id, userId)).returning();
      const entry = { targetKind: "partner_user" as const, targetId: userId, partnerOrgId: orgId };
      if (Object.keys(now).length) {
        await recordActivity(tx, actor, { ...entry, action: "partner_user.updated", change: { before: was, after: now, ...(now.email ? {} : { email: before.email }) } });
      }
      if (roleChanges) {
        await recordActivity(tx, actor, { ...entry, action: "partner_user.role_changed", change: { before: { role: before.role }, after: { role: changes.role }, email: after!.email } });
      }
      if (suspend || restore) {
        const lastAdmin = suspend && before.role === "admin" && (await otherActiveAdmins(tx, orgId, userId)) === 0;
        await recordActivity(tx, actor, {
          ...entry,
          action: suspend ? "partner_user.suspended" : "partner_user.restored",
          change: { email: after!.email, name: fullName(after!), ...(lastAdmin ? { lastActiveAdmin: true } : {}) },
        });
      }
      return after!;
    });
  } catch (err) {
    throw uniquenessError(err);
  }
}
