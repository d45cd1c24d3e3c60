import "server-only";
import { and, asc, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { rowsOf, type Queryable } from "@/db";
import { customerOrg, partnerOrg, type CustomerOrgRow } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { decodeCursor, encodeCursor, escapeLike } from "@/lib/pagination";
import { NO_PARTNER, type OrganisationSort, type OrganisationsTableSearch } from "@/lib/validations/organisation";
import type { OrganisationWithPartner } from "./read";

const SORT_COLUMNS = {
  name: { column: customerOrg.name, cast: "text" },
  created: { column: customerOrg.created, cast: "timestamptz" },
} as const satisfies Record<OrganisationSort, unknown>;

export interface OrganisationsTablePage {
  rows: OrganisationWithPartner[];
  nextCursor?: string;
  prevCursor?: string;
  total: { count: number; capped: boolean };
}

const COUNT_CAP = 10_000;

/** A fragment of the name (trigram index), or an exact ID or Zuora account ID (b-tree indexes); and the partner. */
function organisationsFilter(search: Pick<OrganisationsTableSearch, "q" | "partner">): SQL | undefined {
  const q = search.q.trim();
  return and(
    q ? or(ilike(customerOrg.name, `%${escapeLike(q)}%`), eq(customerOrg.id, q), eq(customerOrg.zuoraAccountId, q)) : undefined,
    search.partner === NO_PARTNER ? isNull(customerOrg.partnerOrgId) : search.partner ? eq(customerOrg.partnerOrgId, search.partner) : undefined,
  );
}

/**
 * One page of customer organisations: all of them, one partner's (`partner`: its id), or those
 * with no partner (`partner: "none"`). Keyset paging in either direction, never OFFSET; the total
 * is counted up to a cap, as the partners table does. Partner users read only their own partner's.
 */
export async function listOrganisationsTable(
  db: Queryable,
  actor: Actor,
  search: Omit<OrganisationsTableSearch, "size"> & { size: number },
): Promise<OrganisationsTablePage> {
  assertCan(actor, "organisation:read", search.partner === NO_PARTNER ? undefined : search.partner);
  const { column, cast } = SORT_COLUMNS[search.sort];
  const cursor = search.before ?? search.after;
  const backwards = search.before !== undefined && search.after === undefined;
  let keyset: SQL | undefined;
  if (cursor) {
    const [value, id] = decodeCursor(cursor, 2, "The page link is no longer valid.");
    const greater = (search.dir === "asc") !== backwards;
    keyset = greater
      ? sql`(${column}, ${customerOrg.id}) > (${value}::${sql.raw(cast)}, ${id})`
      : sql`(${column}, ${customerOrg.id}) < (${value}::${sql.raw(cast)}, ${id})`;
  }
  const filter = organisationsFilter(search);
  const ascending = (search.dir === "asc") !== backwards;
  const fetched = await db
    .select()
    .from(customerOrg)
    .where(and(filter, keyset))
    .orderBy(...(ascending ? [asc(column), asc(customerOrg.id)] : [desc(column), desc(customerOrg.id)]))
    .limit(search.size + 1);
  const more = fetched.length > search.size;
  let rows = more ? fetched.slice(0, search.size) : fetched;
  if (backwards) rows = rows.reverse();

  const partnerIds = [...new Set(rows.map((r) => r.partnerOrgId).filter((v): v is string => v !== null))];
  const [partners, total] = await Promise.all([
    partnerIds.length ? db.select({ id: partnerOrg.id, name: partnerOrg.name }).from(partnerOrg).where(inArray(partnerOrg.id, partnerIds)) : Promise.resolve([]),
    db.execute<{ n: number }>(
      sql`select count(*)::int as n from (select 1 from ${customerOrg} where ${filter ?? sql`true`} limit ${COUNT_CAP + 1}) s`,
    ),
  ]);
  const names = new Map(partners.map((p) => [p.id, p.name]));
  const n = Number(rowsOf<{ n: number }>(total)[0]?.n ?? 0);
  const cursorOf = (row: CustomerOrgRow) => encodeCursor([sortValue(row, search.sort), row.id]);
  const hasNext = backwards ? true : more;
  const hasPrev = backwards ? more : cursor !== undefined;
  return {
    rows: rows.map((r) => ({ ...r, partnerName: r.partnerOrgId ? (names.get(r.partnerOrgId) ?? null) : null })),
    nextCursor: hasNext && rows.length ? cursorOf(rows.at(-1)!) : undefined,
    prevCursor: hasPrev && rows.length ? cursorOf(rows[0]!) : undefined,
    total: { count: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP },
  };
}

function sortValue(row: CustomerOrgRow, sort: OrganisationSort): string {
  const v = row[sort];
  return v instanceof Date ? v.toISOString() : String(v);
}
