import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db, Queryable } from "@/db";
import { partnerOrg, partnerUser, type PartnerRole, type PartnerUserRow } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { conflict, notFound } from "@/lib/errors";
import { deletePartnerUser } from "./users";

/**
 * Team management from the partner pages: a partner Admin manages the members.
 * An organisation always keeps at least one Admin, and nobody removes themselves.
 */
export async function changePartnerUserRole(db: Db, actor: Actor, orgId: string, userId: string, role: PartnerRole): Promise<PartnerUserRow> {
  assertCan(actor, "user:role", orgId);
  return db.transaction(async (tx) => {
    // Locks the organisation, so two Admins demoting each other at once cannot leave it without one.
    const [org] = await tx.select({ id: partnerOrg.id }).from(partnerOrg).where(eq(partnerOrg.id, orgId)).for("update");
    if (!org) throw notFound("Partner organisation not found.");
    const [before] = await tx
      .select()
      .from(partnerUser)
      .where(and(eq(partnerUser.id, userId), eq(partnerUser.partnerOrgId, orgId)));
    if (!before) throw notFound("Partner user not found.");
    if (before.role === role) return before;
    if (before.role === "admin" && (await adminCount(tx, orgId)) <= 1) throw conflict(LAST_ADMIN);
    const [after] = await tx
      .update(partnerUser)
      .set({ role, modified: new Date() })
      .where(eq(partnerUser.id, userId))
      .returning();
    await recordActivity(tx, actor, {
      action: "partner_user.role_changed",
      targetKind: "partner_user",
      targetId: userId,
      partnerOrgId: orgId,
      change: { before: { role: before.role }, after: { role }, email: before.email },
    });
    return after!;
  });
}

const LAST_ADMIN = "An organisation needs at least one Admin. Make someone else an Admin first.";

async function adminCount(tx: Queryable, orgId: string): Promise<number> {
  const [{ n }] = (await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(partnerUser)
    .where(and(eq(partnerUser.partnerOrgId, orgId), eq(partnerUser.role, "admin")))) as [{ n: number }];
  return Number(n);
}

/**
 * Removes a member; their sessions end at once (every request re-reads the user). The last Admin
 * is never removed: the organisation row is locked first, so two Admins removing each other at
 * once take turns and the second is refused.
 */
export async function removePartnerMember(db: Db, actor: Actor, orgId: string, userId: string): Promise<void> {
  assertCan(actor, "user:delete", orgId);
  if (actor.kind === "partner_user" && actor.id === userId) {
    throw conflict("You cannot remove yourself. Ask another Admin of your organisation.");
  }
  await db.transaction(async (tx) => {
    const [org] = await tx.select({ id: partnerOrg.id }).from(partnerOrg).where(eq(partnerOrg.id, orgId)).for("update");
    if (!org) throw notFound("Partner organisation not found.");
    const [target] = await tx
      .select({ role: partnerUser.role })
      .from(partnerUser)
      .where(and(eq(partnerUser.id, userId), eq(partnerUser.partnerOrgId, orgId)));
    if (!target) throw notFound("Partner user not found.");
    if (target.role === "admin" && (await adminCount(tx, orgId)) <= 1) throw conflict(LAST_ADMIN);
    await deletePartnerUser(tx as unknown as Db, actor, orgId, userId);
  });
}
