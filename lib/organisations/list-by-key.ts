import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { customerOrg, partnerOrg, type CustomerOrgRow } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { notFound } from "@/lib/errors";
import { decodeCursor, encodeCursor } from "@/lib/pagination";
import { PARTNER_NOT_FOUND } from "./access";

/** The REST API's list of one partner's organisations: ordered by id, keyset on the id. */
export async function listOrganisationsByKey(
  db: Queryable,
  actor: Actor,
  partnerOrgId: string,
  opts: { limit: number; queryMore?: string },
): Promise<{ rows: CustomerOrgRow[]; queryMore?: string }> {
  assertCan(actor, "organisation:read", partnerOrgId);
  const after = opts.queryMore ? decodeCursor(opts.queryMore, 1)[0]! : undefined;
  const [partner] = await db.select({ id: partnerOrg.id }).from(partnerOrg).where(eq(partnerOrg.id, partnerOrgId));
  if (!partner) throw notFound(PARTNER_NOT_FOUND);
  const rows = await db
    .select()
    .from(customerOrg)
    .where(and(eq(customerOrg.partnerOrgId, partnerOrgId), after ? sql`${customerOrg.id} > ${after}` : undefined))
    .orderBy(asc(customerOrg.id))
    .limit(opts.limit + 1);
  const more = rows.length > opts.limit;
  const page = more ? rows.slice(0, opts.limit) : rows;
  return { rows: page, queryMore: more ? encodeCursor([page.at(-1)!.id]) : undefined };
}
