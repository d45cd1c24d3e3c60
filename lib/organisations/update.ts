import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { customerOrg, type CustomerOrgRow } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record";
import type { Actor } from "@/lib/auth/actor";
import { assertOrganisation, auditedDiff, lockOrganisation } from "./access";
import type { OrganisationFields } from "./create";

/** A partial update: `undefined` keeps a field, `null` removes an optional ID. */
export type OrganisationPatch = Partial<OrganisationFields>;

/** Renames an organisation or edits its IDs. Its partner changes only through `moveOrganisation`. */
export async function updateOrganisation(db: Db, actor: Actor, id: string, patch: OrganisationPatch): Promise<CustomerOrgRow> {
  return db.transaction(async (tx) => {
    const before = await lockOrganisation(tx, id);
    assertOrganisation(actor, "organisation:update", before);
    const values = Object.fromEntries(
      Object.entries({ name: patch.name, zuoraAccountId: patch.zuoraAccountId, salesforceAccountId: patch.salesforceAccountId }).filter(
        ([, v]) => v !== undefined,
      ),
    );
    const changed = Object.entries(values).some(([k, v]) => before[k as keyof CustomerOrgRow] !== v);
    if (!changed) return before;
    const [after] = await tx
      .update(customerOrg)
      .set({ ...values, modified: new Date() })
      .where(eq(customerOrg.id, id))
      .returning();
    await recordActivity(tx, actor, {
      action: "organisation.updated",
      targetKind: "organisation",
      targetId: id,
      partnerOrgId: after!.partnerOrgId,
      change: { ...auditedDiff(before, after!), name: after!.name },
    });
    return after!;
  });
}
