import "server-only";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db";
import { customerOrg, partnerOrg, type CustomerOrgRow } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, can, type Permission } from "@/lib/auth/policy";
import { notFound } from "@/lib/errors";

export const ORGANISATION_NOT_FOUND = "Organisation not found.";
export const PARTNER_NOT_FOUND = "Partner organisation not found.";

/** The policy's `orgId` for an organisation: the partner that owns it, none for "No partner". */
export const ownerOf = (row: Pick<CustomerOrgRow, "partnerOrgId">) => row.partnerOrgId ?? undefined;

/**
 * Checks `permission` on an organisation already read. One the caller may not even read is "not
 * found", so a partner user learns nothing about other partners' organisations; one it may read
 * but not change is "forbidden".
 */
export function assertOrganisation(actor: Actor, permission: Permission, row: Pick<CustomerOrgRow, "partnerOrgId">): void {
  if (!can(actor, "organisation:read", ownerOf(row))) throw notFound(ORGANISATION_NOT_FOUND);
  assertCan(actor, permission, ownerOf(row));
}

/** Reads and row-locks an organisation, so concurrent moves, edits and deletes take turns. */
export async function lockOrganisation(tx: Queryable, id: string): Promise<CustomerOrgRow> {
  const [row] = await tx.select().from(customerOrg).where(eq(customerOrg.id, id)).for("update");
  if (!row) throw notFound(ORGANISATION_NOT_FOUND);
  return row;
}

/**
 * Holds a partner organisation for the rest of the transaction (FOR KEY SHARE, as the foreign key
 * would): a concurrent delete of that partner waits, or has already happened and this is "not found".
 */
export async function holdPartner(tx: Queryable, partnerOrgId: string): Promise<{ id: string; name: string }> {
  const [row] = await tx
    .select({ id: partnerOrg.id, name: partnerOrg.name })
    .from(partnerOrg)
    .where(eq(partnerOrg.id, partnerOrgId))
    .for("key share");
  if (!row) throw notFound(PARTNER_NOT_FOUND);
  return row;
}

const AUDITED = ["name", "zuoraAccountId", "salesforceAccountId", "partnerOrgId"] as const;

export function auditedFields(row: CustomerOrgRow) {
  return Object.fromEntries(AUDITED.map((k) => [k, row[k]]));
}

export function auditedDiff(before: CustomerOrgRow, after: CustomerOrgRow) {
  const changed = AUDITED.filter((k) => before[k] !== after[k]);
  return {
    before: Object.fromEntries(changed.map((k) => [k, before[k]])),
    after: Object.fromEntries(changed.map((k) => [k, after[k]])),
  };
}
