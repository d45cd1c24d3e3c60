import "server-only";
import type { Db } from "@/db";
import { customerOrg, type CustomerOrgRow } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { newId } from "@/lib/ids";
import { auditedFields, holdPartner } from "./access";

export interface OrganisationFields {
  name: string;
  zuoraAccountId?: string | null;
  salesforceAccountId?: string | null;
}

/**
 * "Create an Organisation". A partner user creates it under their own partner account; a portal
 * admin or an API client under any partner, or none ("No partner").
 */
export async function createOrganisation(
  db: Db,
  actor: Actor,
  input: OrganisationFields & { partnerOrgId: string | null },
): Promise<CustomerOrgRow> {
  assertCan(actor, "organisation:create", input.partnerOrgId ?? undefined);
  const now = new Date();
  return db.transaction(async (tx) => {
    if (input.partnerOrgId) await holdPartner(tx, input.partnerOrgId);
    const [row] = await tx
      .insert(customerOrg)
      .values({
        id: newId(),
        name: input.name,
        zuoraAccountId: input.zuoraAccountId ?? null,
        salesforceAccountId: input.salesforceAccountId ?? null,
        partnerOrgId: input.partnerOrgId,
        created: now,
        modified: now,
      })
      .returning();
    await recordActivity(tx, actor, {
      action: "organisation.created",
      targetKind: "organisation",
      targetId: row!.id,
      partnerOrgId: row!.partnerOrgId,
      change: { after: auditedFields(row!) },
    });
    return row!;
  });
}
