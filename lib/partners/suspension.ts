import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db, Queryable } from "@/db";
import { partnerOrg, partnerUser, type PartnerOrgRow } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { conflict, notFound } from "@/lib/errors";

/**
 * Suspend instead of delete: a suspended partner keeps its organisation and users, but none of
 * them can sign in (password or single sign-on), and every session ends at once: the session
 * check refuses a suspended organisation, and the users' session versions are bumped so their
 * old sessions stay ended after a reactivation.
 */
export async function suspendPartnerOrg(db: Db, actor: Actor, id: string, reason: string): Promise<PartnerOrgRow> {
  assertCan(actor, "org:suspend", id);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(partnerOrg).where(eq(partnerOrg.id, id)).for("update");
    if (!before) throw notFound("Partner organisation not found.");
    if (before.suspendedAt) throw conflict("This partner is already suspended.");
    const now = new Date();
    const [after] = await tx
      .update(partnerOrg)
      .set({ suspendedAt: now, suspendedReason: reason, modified: now })
      .where(eq(partnerOrg.id, id))
      .returning();
    await tx.update(partnerUser).set({ sessionVersion: sql`${partnerUser.sessionVersion} + 1` }).where(eq(partnerUser.partnerOrgId, id));
    await recordActivity(tx, actor, {
      action: "partner_org.suspended",
      targetKind: "partner_org",
      targetId: id,
      partnerOrgId: id,
      change: { reason },
      event: { type: "partner_organisation.suspended", row: after! },
    });
    return after!;
  });
}

export async function reactivatePartnerOrg(db: Db, actor: Actor, id: string): Promise<PartnerOrgRow> {
  assertCan(actor, "org:suspend", id);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(partnerOrg).where(eq(partnerOrg.id, id)).for("update");
    if (!before) throw notFound("Partner organisation not found.");
    if (!before.suspendedAt) throw conflict("This partner is not suspended.");
    const [after] = await tx
      .update(partnerOrg)
      .set({ suspendedAt: null, suspendedReason: null, modified: new Date() })
      .where(eq(partnerOrg.id, id))
      .returning();
    await recordActivity(tx, actor, {
      action: "partner_org.reactivated",
      targetKind: "partner_org",
      targetId: id,
      partnerOrgId: id,
      change: { before: { suspendedAt: before.suspendedAt.toISOString(), reason: before.suspendedReason } },
      event: { type: "partner_organisation.reactivated", row: after! },
    });
    return after!;
  });
}

/** True while the partner organisation is suspended: its users are refused at sign-in. */
export async function isPartnerSuspended(db: Queryable, orgId: string): Promise<boolean> {
  const [row] = await db.select({ suspendedAt: partnerOrg.suspendedAt }).from(partnerOrg).where(eq(partnerOrg.id, orgId));
  return Boolean(row?.suspendedAt);
}
