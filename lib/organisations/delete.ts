import "server-only";
import { eq } from "drizzle-orm";
import type { Db, Queryable } from "@/db";
import { customerOrg } from "@/db/schema";
import { recordActivities, recordActivity } from "@/lib/activity/record";
import type { Actor } from "@/lib/auth/actor";
import { assertOrganisation, auditedFields, lockOrganisation } from "./access";

/** Seed 002's "Delete Organisation". */
export async function deleteOrganisation(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await lockOrganisation(tx, id);
    assertOrganisation(actor, "organisation:delete", before);
    await tx.delete(customerOrg).where(eq(customerOrg.id, id));
    await recordActivity(tx, actor, {
      action: "organisation.deleted",
      targetKind: "organisation",
      targetId: id,
      partnerOrgId: before.partnerOrgId,
      change: { before: auditedFields(before) },
    });
  });
}

/**
 * Part of deleting a partner organisation, in its transaction (which holds the partner row locked):
 * its customer organisations stay, as "No partner", each with a move in the activity trail.
 * The foreign key's ON DELETE SET NULL would do the same silently; this does it audited.
 */
export async function releasePartnerOrganisations(
  tx: Queryable,
  actor: Actor,
  partner: { id: string; name: string },
): Promise<number> {
  const released = await tx
    .update(customerOrg)
    .set({ partnerOrgId: null, modified: new Date() })
    .where(eq(customerOrg.partnerOrgId, partner.id))
    .returning({ id: customerOrg.id, name: customerOrg.name });
  await recordActivities(
    tx,
    actor,
    released.map((o) => ({
      action: "organisation.moved",
      targetKind: "organisation" as const,
      targetId: o.id,
      partnerOrgId: null,
      change: {
        name: o.name,
        reason: "partner_org.deleted",
        before: { partnerOrgId: partner.id, partnerName: partner.name },
        after: { partnerOrgId: null, partnerName: null },
      },
    })),
  );
  return released.length;
}
