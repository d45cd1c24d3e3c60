import "server-only";
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db";
import { partnerOrg, partnerUser } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { csvRecord } from "@/lib/csv";
import { notFound } from "@/lib/errors";
import { partnersFilter, partnersOrder, SORT_COLUMNS, sortValue } from "@/lib/partners/partners-table";
import { fullName } from "@/lib/partners/users";
import type { PartnersTableSearch } from "@/lib/validations/partner-org";

const BATCH = 1000;
const encoder = new TextEncoder();

/**
 * A CSV stream pulled batch by batch: the next keyset query runs only when the reader asks for
 * more, so memory holds one batch whatever the table's size, and a slow client slows the queries.
 */
function pulledStream(header: string[], nextBatch: () => Promise<string[] | null>): ReadableStream<Uint8Array> {
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(`\ufeff${csvRecord(header)}`));
          return;
        }
        const lines = await nextBatch();
        if (!lines) controller.close();
        else controller.enqueue(encoder.encode(lines.join("")));
      },
    },
    { highWaterMark: 1 },
  );
}

export const PARTNERS_CSV_HEADER = [
  "Partner Organisation ID", "Partner organisation name", "Logo (URL)", "Zuora account ID", "Salesforce account ID",
  "Zuora Invoice Owner", "Status", "Primary contact name", "Primary contact email", "Users", "Created",
];

/** The partners table as CSV: the table's search and sort, every page, in keyset batches. */
export function partnersCsvStream(
  db: Queryable,
  actor: Actor,
  search: Pick<PartnersTableSearch, "q" | "status" | "sort" | "dir">,
  batchSize = BATCH,
): ReadableStream<Uint8Array> {
  assertCan(actor, "org:read");
  const { column, cast } = SORT_COLUMNS[search.sort];
  const filter = partnersFilter(search);
  let last: [string, string] | undefined;
  let done = false;
  return pulledStream(PARTNERS_CSV_HEADER, async () => {
    if (done) return null;
    const keyset: SQL | undefined = last
      ? search.dir === "asc"
        ? sql`(${column}, ${partnerOrg.id}) > (${last[0]}::${sql.raw(cast)}, ${last[1]})`
        : sql`(${column}, ${partnerOrg.id}) < (${last[0]}::${sql.raw(cast)}, ${last[1]})`
      : undefined;
    const rows = await db
      .select()
      .from(partnerOrg)
      .where(and(filter, keyset))
      .orderBy(...partnersOrder(search))
      .limit(batchSize);
    if (rows.length < batchSize) done = true;
    if (!rows.length) return null;
    last = [sortValue(rows.at(-1)!, search.sort), rows.at(-1)!.id];
    const counts = await db
      .select({ orgId: partnerUser.partnerOrgId, n: sql<number>`count(*)::int` })
      .from(partnerUser)
      .where(inArray(partnerUser.partnerOrgId, rows.map((r) => r.id)))
      .groupBy(partnerUser.partnerOrgId);
    const byOrg = new Map(counts.map((c) => [c.orgId, Number(c.n)]));
    return rows.map((r) =>
      csvRecord([
        r.id, r.name, r.logo, r.zuoraAccountId, r.salesforceAccountId, r.invoiceOwner, r.status,
        r.primaryContactName, r.primaryContactEmail, byOrg.get(r.id) ?? 0, r.created.toISOString(),
      ]),
    );
  });
}

export const USERS_CSV_HEADER = ["Partner user ID", "Name", "First name", "Last name", "Email address", "Phone number", "Role", "Created"];

/** An organisation's partner users as CSV, in id order, keyset batches. */
export async function partnerUsersCsvStream(db: Queryable, actor: Actor, orgId: string, batchSize = BATCH): Promise<ReadableStream<Uint8Array>> {
  assertCan(actor, "user:read", orgId);
  const [org] = await db.select({ id: partnerOrg.id }).from(partnerOrg).where(eq(partnerOrg.id, orgId));
  if (!org) throw notFound("Partner organisation not found.");
  let last: string | undefined;
  let done = false;
  return pulledStream(USERS_CSV_HEADER, async () => {
    if (done) return null;
    const rows = await db
      .select()
      .from(partnerUser)
      .where(and(eq(partnerUser.partnerOrgId, orgId), last ? sql`${partnerUser.id} > ${last}` : undefined))
      .orderBy(asc(partnerUser.id))
      .limit(batchSize);
    if (rows.length < batchSize) done = true;
    if (!rows.length) return null;
    last = rows.at(-1)!.id;
    return rows.map((u) =>
      csvRecord([u.id, fullName(u), u.firstName, u.lastName, u.email, u.phone, u.role, u.created.toISOString()]),
    );
  });
}
