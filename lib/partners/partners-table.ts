import "server-only";
import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import { rowsOf, type Queryable } from "@/db";
import { partnerOrg, partnerUser, type PartnerOrgRow } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { decodeCursor, encodeCursor, escapeLike } from "@/lib/pagination";
import type { PartnerSort, PartnersTableSearch } from "@/lib/validations/partner-org";

/**
 * The admin app's partners table (and its CSV export): search, sort, keyset paging in either
 * direction and a capped count. The REST API's own list is `listPartnerOrgsByKey` in ./orgs.ts.
 */
export const SORT_COLUMNS = {
  created: { column: partnerOrg.created, cast: "timestamptz" },
  name: { column: partnerOrg.name, cast: "text" },
  zuoraAccountId: { column: partnerOrg.zuoraAccountId, cast: "text" },
  status: { column: partnerOrg.status, cast: "partner_org_status" },
} as const satisfies Record<PartnerSort, unknown>;

/** The partners table's filter: a fragment of the name, or an exact ID or Zuora account ID. */
export function partnersFilter(search: Pick<PartnersTableSearch, "q" | "status">): SQL | undefined {
  const q = search.q.trim();
  return and(
    q ? or(ilike(partnerOrg.name, `%${escapeLike(q)}%`), eq(partnerOrg.id, q), eq(partnerOrg.zuoraAccountId, q)) : undefined,
    search.status ? eq(partnerOrg.status, search.status) : undefined,
  );
}

export function partnersOrder(search: Pick<PartnersTableSearch, "sort" | "dir">, reverse = false) {
  const { column } = SORT_COLUMNS[search.sort];
  const ascending = (search.dir === "asc") !== reverse;
  return ascending ? [asc(column), asc(partnerOrg.id)] : [desc(column), desc(partnerOrg.id)];
}

export interface PartnersTablePage {
  rows: (PartnerOrgRow & { userCount: number })[];
  nextCursor?: string;
  prevCursor?: string;
  total: { count: number; capped: boolean };
}

const COUNT_CAP = 10_000;

/** One page of the partners table: keyset paging in either direction, never OFFSET. */
export async function listPartnersTable(
  db: Queryable,
  actor: Actor,
  search: Omit<PartnersTableSearch, "size"> & { size: number },
): Promise<PartnersTablePage> {
  assertCan(actor, "org:read");
  const { column, cast } = SORT_COLUMNS[search.sort];
  const cursor = search.before ?? search.after;
  const backwards = search.before !== undefined && search.after === undefined;
  let keyset: SQL | undefined;
  if (cursor) {
    const [value, id] = decodeCursor(cursor, 2, "The page link is no longer valid.");
    const forwardIsGreater = search.dir === "asc";
    const greater = forwardIsGreater !== backwards;
    keyset = greater
      ? sql`(${column}, ${partnerOrg.id}) > (${value}::${sql.raw(cast)}, ${id})`
      : sql`(${column}, ${partnerOrg.id}) < (${value}::${sql.raw(cast)}, ${id})`;
  }
  const filter = partnersFilter(search);
  const fetched = await db
    .select()
    .from(partnerOrg)
    .where(and(filter, keyset))
    .orderBy(...partnersOrder(search, backwards))
    .limit(search.size + 1);
  const more = fetched.length > search.size;
  let rows = more ? fetched.slice(0, search.size) : fetched;
  if (backwards) rows = rows.reverse();

  const cursorOf = (row: PartnerOrgRow) => encodeCursor([sortValue(row, search.sort), row.id]);
  const hasNext = backwards ? true : more;
  const hasPrev = backwards ? more : cursor !== undefined;

  const [counts, total] = await Promise.all([
    rows.length
      ? db
          .select({ orgId: partnerUser.partnerOrgId, n: sql<number>`count(*)::int` })
          .from(partnerUser)
          .where(inArray(partnerUser.partnerOrgId, rows.map((r) => r.id)))
          .groupBy(partnerUser.partnerOrgId)
      : Promise.resolve([]),
    db.execute<{ n: number }>(
      sql`select count(*)::int as n from (select 1 from ${partnerOrg} where ${filter ?? sql`true`} limit ${COUNT_CAP + 1}) s`,
    ),
  ]);
  const byOrg = new Map(counts.map((c) => [c.orgId, Number(c.n)]));
  const n = Number(rowsOf<{ n: number }>(total)[0]?.n ?? 0);
  return {
    rows: rows.map((r) => ({ ...r, userCount: byOrg.get(r.id) ?? 0 })),
    nextCursor: hasNext && rows.length ? cursorOf(rows.at(-1)!) : undefined,
    prevCursor: hasPrev && rows.length ? cursorOf(rows[0]!) : undefined,
    total: { count: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP },
  };
}

export function sortValue(row: Pick<PartnerOrgRow, PartnerSort>, sort: PartnerSort): string {
  const v = row[sort];
  return v instanceof Date ? v.toISOString() : String(v);
}
