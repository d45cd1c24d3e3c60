import "server-only";
import { inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { customerOrg } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";

/** How many customer organisations each of these partners owns, in one query (for a table page's rows). */
export async function countOrganisationsByPartner(db: Queryable, actor: Actor, partnerOrgIds: string[]): Promise<Map<string, number>> {
  for (const id of partnerOrgIds) assertCan(actor, "organisation:read", id);
  if (partnerOrgIds.length === 0) return new Map();
  const rows = await db
    .select({ partnerOrgId: customerOrg.partnerOrgId, n: sql<number>`count(*)::int` })
    .from(customerOrg)
    .where(inArray(customerOrg.partnerOrgId, partnerOrgIds))
    .groupBy(customerOrg.partnerOrgId);
  return new Map(rows.map((r) => [r.partnerOrgId!, Number(r.n)]));
}
