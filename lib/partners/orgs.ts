import "server-only";
import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import { rowsOf, type Db, type Queryable } from "@/db";
import { partnerOrg, partnerUser, type InvoiceOwner, type PartnerOrgRow, type PartnerOrgStatus } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { config } from "@/lib/config";
import { conflict, forbidden, invalid, notFound } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { releasePartnerOrganisations } from "@/lib/organisations/delete";
import { decodeCursor, encodeCursor, escapeLike } from "@/lib/pagination";
import { retryOnSlugTaken, slugFromName } from "./slug";
import type { PartnerSort, PartnersTableSearch } from "@/lib/validations/partner-org";

export interface PartnerOrgFields {
  name: string;
  logo?: string | null;
  zuoraAccountId: string;
  salesforceAccountId?: string | null;
  invoiceOwner: InvoiceOwner;
}

const AUDITED_FIELDS = ["name", "slug", "logo", "zuoraAccountId", "salesforceAccountId", "invoiceOwner", "status"] as const;

export async function createPartnerOrg(
  db: Db,
  actor: Actor,
  input: PartnerOrgFields & { status?: PartnerOrgStatus; primaryContactName?: string | null; primaryContactEmail?: string | null },
): Promise<PartnerOrgRow> {
  assertCan(actor, "org:create");
  if (config.salesforceEnabled() && input.status !== "pending" && !input.salesforceAccountId) {
    throw invalid("Salesforce account ID is required while the Salesforce integration is on.", {
      salesforceAccountId: ["Salesforce account ID is required while the Salesforce integration is on."],
    });
  }
  const now = new Date();
  return retryOnSlugTaken(() => db.transaction(async (tx) => {
    const [row] = await tx
      .insert(partnerOrg)
      .values({
        id: newId(),
        name: input.name,
        slug: slugFromName(input.name),
        logo: input.logo ?? null,
        zuoraAccountId: input.zuoraAccountId,
        salesforceAccountId: input.salesforceAccountId ?? null,
        invoiceOwner: input.invoiceOwner,
        status: input.status ?? "approved",
        primaryContactName: input.primaryContactName ?? null,
        primaryContactEmail: input.primaryContactEmail ?? null,
        created: now,
        modified: now,
      })
      .returning();
    await recordActivity(tx, actor, {
      action: "partner_org.created",
      targetKind: "partner_org",
      targetId: row!.id,
      partnerOrgId: row!.id,
      change: { after: pick(row!) },
    });
    return row!;
  }));
}

export type PartnerOrgPatch = Partial<PartnerOrgFields> & { status?: PartnerOrgStatus };

/** Applies a partial update; `null` clears an optional field, `undefined` leaves it as it is. */
export async function updatePartnerOrg(db: Db, actor: Actor, id: string, patch: PartnerOrgPatch): Promise<PartnerOrgRow> {
  assertCan(actor, "org:update", id);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(partnerOrg).where(eq(partnerOrg.id, id)).for("update");
    if (!before) throw notFound("Partner organisation not found.");
    const values = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    if (Object.keys(values).length === 0) return before;
    const [after] = await tx
      .update(partnerOrg)
      .set({ ...values, modified: new Date() })
      .where(eq(partnerOrg.id, id))
      .returning();
    await recordActivity(tx, actor, {
      action: "partner_org.updated",
      targetKind: "partner_org",
      targetId: id,
      partnerOrgId: id,
      change: diff(before, after!),
    });
    return after!;
  });
}

/**
 * Deletes the organisation and, through the foreign key's cascade, its users, in one transaction.
 * Its customer organisations stay, as "No partner". The row is locked first, so a concurrent move
 * of a customer organisation into this partner either lands before (and is released here) or fails.
 */
export async function deletePartnerOrg(db: Db, actor: Actor, id: string): Promise<void> {
  assertCan(actor, "org:delete", id);
  await db.transaction(async (tx) => {
    const [locked] = await tx.select({ id: partnerOrg.id, name: partnerOrg.name }).from(partnerOrg).where(eq(partnerOrg.id, id)).for("update");
    if (!locked) throw notFound("Partner organisation not found.");
    const organisationsReleased = await releasePartnerOrganisations(tx, actor, locked);
    const users = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(partnerUser)
      .where(eq(partnerUser.partnerOrgId, id));
    const [deleted] = await tx.delete(partnerOrg).where(eq(partnerOrg.id, id)).returning();
    if (!deleted) throw notFound("Partner organisation not found.");
    await recordActivity(tx, actor, {
      action: "partner_org.deleted",
      targetKind: "partner_org",
      targetId: id,
      partnerOrgId: id,
      change: { before: pick(deleted), usersDeleted: users[0]?.n ?? 0, organisationsReleased },
    });
  });
}

export async function getPartnerOrg(db: Queryable, actor: Actor, id: string): Promise<PartnerOrgRow> {
  assertCan(actor, "org:read", id);
  const [row] = await db.select().from(partnerOrg).where(eq(partnerOrg.id, id));
  if (!row) throw notFound("Partner organisation not found.");
  return row;
}

/** The REST API's list: ordered by id (time-ordered UUIDs), keyset on the id. */
export async function listPartnerOrgsByKey(
  db: Queryable,
  actor: Actor,
  opts: { limit: number; queryMore?: string },
): Promise<{ rows: PartnerOrgRow[]; queryMore?: string }> {
  assertCan(actor, "org:read");
  const after = opts.queryMore ? decodeCursor(opts.queryMore, 1)[0]! : undefined;
  const rows = await db
    .select()
    .from(partnerOrg)
    .where(after ? sql`${partnerOrg.id} > ${after}` : undefined)
    .orderBy(asc(partnerOrg.id))
    .limit(opts.limit + 1);
  const more = rows.length > opts.limit;
  const page = more ? rows.slice(0, opts.limit) : rows;
  return { rows: page, queryMore: more ? encodeCursor([page.at(-1)!.id]) : undefined };
}

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

function pick(row: PartnerOrgRow) {
  return Object.fromEntries(AUDITED_FIELDS.map((k) => [k, row[k]]));
}

function diff(before: PartnerOrgRow, after: PartnerOrgRow) {
  const changed = AUDITED_FIELDS.filter((k) => before[k] !== after[k]);
  return {
    before: Object.fromEntries(changed.map((k) => [k, before[k]])),
    after: Object.fromEntries(changed.map((k) => [k, after[k]])),
  };
}

/**
 * Seed 004's partner form: a pending organisation's partner Admin fills in its details, which
 * makes it approved. Runs once: an approved organisation is edited by the portal admins.
 */
export async function completePartnerForm(db: Db, actor: Actor, orgId: string, input: PartnerOrgFields): Promise<PartnerOrgRow> {
  assertCan(actor, "org:complete-form", orgId);
  if (config.salesforceEnabled() && !input.salesforceAccountId) {
    throw invalid("Salesforce account ID is required while the Salesforce integration is on.", {
      salesforceAccountId: ["Salesforce account ID is required while the Salesforce integration is on."],
    });
  }
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(partnerOrg).where(eq(partnerOrg.id, orgId)).for("update");
    if (!before) throw notFound("Partner organisation not found.");
    if (before.status !== "pending") throw conflict("This organisation's partner form has already been submitted.");
    const [after] = await tx
      .update(partnerOrg)
      .set({
        name: input.name,
        logo: input.logo ?? null,
        zuoraAccountId: input.zuoraAccountId,
        salesforceAccountId: input.salesforceAccountId ?? null,
        invoiceOwner: input.invoiceOwner,
        status: "approved",
        modified: new Date(),
      })
      .where(eq(partnerOrg.id, orgId))
      .returning();
    await recordActivity(tx, actor, {
      action: "partner_org.form_submitted",
      targetKind: "partner_org",
      targetId: orgId,
      partnerOrgId: orgId,
      change: diff(before, after!),
    });
    return after!;
  });
}

export const PENDING_ORG_MESSAGE = "Your organisation is pending approval. Complete your partner form first.";

/** Until its partner form is submitted, a pending organisation's users change nothing. */
export function assertOrgApproved(status: PartnerOrgStatus): void {
  if (status !== "approved") throw forbidden(PENDING_ORG_MESSAGE);
}
