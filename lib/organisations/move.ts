import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { customerOrg, partnerOrg, type CustomerOrgRow } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { assertOrganisation, holdPartner, lockOrganisation } from "./access";

/**
 * "Move Organisation to another Partner": to a partner's id, or to `null` ("No partner"). The caller
 * needs the move permission on both sides, so a partner user can renounce their own organisations
 * but never hand one to another partner, nor take one they cannot see. The organisation row is
 * locked first, so concurrent moves and deletes take turns and the last one wins cleanly.
 * The entry is recorded under the new partner, with the old one in `change.before`, so both see it.
 */
export async function moveOrganisation(db: Db, actor: Actor, id: string, toPartnerOrgId: string | null): Promise<CustomerOrgRow> {
  return db.transaction(async (tx) => {
    const before = await lockOrganisation(tx, id);
    assertOrganisation(actor, "organisation:move", before);
    if (toPartnerOrgId !== null) assertCan(actor, "organisation:move", toPartnerOrgId);
    if (before.partnerOrgId === toPartnerOrgId) return before;
    const to = toPartnerOrgId === null ? null : await holdPartner(tx, toPartnerOrgId);
    const [from] = before.partnerOrgId
      ? await tx.select({ name: partnerOrg.name }).from(partnerOrg).where(eq(partnerOrg.id, before.partnerOrgId))
      : [];
    const [after] = await tx
      .update(customerOrg)
      .set({ partnerOrgId: toPartnerOrgId, modified: new Date() })
      .where(eq(customerOrg.id, id))
      .returning();
    await recordActivity(tx, actor, {
      action: "organisation.moved",
      targetKind: "organisation",
      targetId: id,
      partnerOrgId: toPartnerOrgId,
      change: {
        name: before.name,
        before: { partnerOrgId: before.partnerOrgId, partnerName: from?.name ?? null },
        after: { partnerOrgId: toPartnerOrgId, partnerName: to?.name ?? null },
      },
    });
    return after!;
  });
}
