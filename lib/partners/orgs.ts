import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { Db, Queryable } from "@/db";
import { dropLogoIfUnused } from "@/lib/branding/logo-store";
import { partnerOrg, partnerUser, type InvoiceOwner, type PartnerOrgRow, type PartnerOrgStatus } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { config } from "@/lib/config";
import { conflict, forbidden, invalid, notFound } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { releasePartnerOrganisations } from "@/lib/organisations/delete";
import { decodeCursor, encodeCursor } from "@/lib/pagination";
import { SALESFORCE_REQUIRED_MESSAGE } from "@/lib/validations/partner-org";
import { lockSlugBase, retryOnSlugTaken, slugFromName } from "./slug";

export interface PartnerOrgFields {
  name: string;
  logo?: string | null;
  zuoraAccountId: string;
  salesforceAccountId?: string | null;
  invoiceOwner: InvoiceOwner;
}

const AUDITED_FIELDS = ["name", "slug", "logo", "zuoraAccountId", "salesforceAccountId", "invoiceOwner", "status"] as const;

/** With the Salesforce integration on, an organisation's details include its Salesforce account ID. */
function assertSalesforceId(input: Pick<PartnerOrgFields, "salesforceAccountId">): void {
  if (config.salesforceEnabled() && !input.salesforceAccountId) {
    throw invalid(SALESFORCE_REQUIRED_MESSAGE, { salesforceAccountId: [SALESFORCE_REQUIRED_MESSAGE] });
  }
}

/** The organisation's own details as columns; an absent optional field is stored as null. */
function columnsOf(input: PartnerOrgFields) {
  return {
    name: input.name,
    logo: input.logo ?? null,
    zuoraAccountId: input.zuoraAccountId,
    salesforceAccountId: input.salesforceAccountId ?? null,
    invoiceOwner: input.invoiceOwner,
  };
}

export async function createPartnerOrg(
  db: Db,
  actor: Actor,
  input: PartnerOrgFields & { status?: PartnerOrgStatus; primaryContactName?: string | null; primaryContactEmail?: string | null },
): Promise<PartnerOrgRow> {
  assertCan(actor, "org:create");
  // An invited organisation gets its Salesforce account ID with its partner form.
  if (input.status !== "pending") assertSalesforceId(input);
  const now = new Date();
  return retryOnSlugTaken(() => db.transaction(async (tx) => {
    await lockSlugBase(tx, input.name);
    const [row] = await tx
      .insert(partnerOrg)
      .values({
        id: newId(),
        ...columnsOf(input),
        slug: slugFromName(input.name),
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
      event: { type: "partner_organisation.created", row: row! },
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
      event: { type: "partner_organisation.updated", row: after! },
    });
    return after!;
  });
}

/**
 * Deletes the organisation and, through the foreign key's cascade, its users, in one transaction.
 * Its customer organisations stay, as "No partner". The row is locked first, so a concurrent move
 * of a customer organisation into this partner either lands before (and is released here) or fails.
 * Integrations get an `organisation.moved` for each of those and a `partner_user.deleted` for each
 * user, then the partner's own event, so a mirror needs no knowledge of the cascade.
 */
export async function deletePartnerOrg(db: Db, actor: Actor, id: string): Promise<void> {
  assertCan(actor, "org:delete", id);
  await db.transaction(async (tx) => {
    const [locked] = await tx.select({ id: partnerOrg.id, name: partnerOrg.name }).from(partnerOrg).where(eq(partnerOrg.id, id)).for("update");
    if (!locked) throw notFound("Partner organisation not found.");
    const organisationsReleased = await releasePartnerOrganisations(tx, actor, locked);
    const users = await tx.select().from(partnerUser).where(eq(partnerUser.partnerOrgId, id)).orderBy(asc(partnerUser.id));
    const [deleted] = await tx.delete(partnerOrg).where(eq(partnerOrg.id, id)).returning();
    if (!deleted) throw notFound("Partner organisation not found.");
    for (const hash of new Set([deleted.logoLightHash, deleted.logoDarkHash])) if (hash) await dropLogoIfUnused(tx, hash);
    await recordActivity(tx, actor, {
      action: "partner_org.deleted",
      targetKind: "partner_org",
      targetId: id,
      partnerOrgId: id,
      change: { before: pick(deleted), usersDeleted: users.length, organisationsReleased },
      event: [
        ...users.map((row) => ({ type: "partner_user.deleted" as const, row })),
        { type: "partner_organisation.deleted", row: deleted },
      ],
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
 * The partner form: a pending organisation's partner Admin fills in its details, which
 * makes it approved. Runs once: an approved organisation is edited by the portal admins.
 */
export async function completePartnerForm(db: Db, actor: Actor, orgId: string, input: PartnerOrgFields): Promise<PartnerOrgRow> {
  assertCan(actor, "org:complete-form", orgId);
  assertSalesforceId(input);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(partnerOrg).where(eq(partnerOrg.id, orgId)).for("update");
    if (!before) throw notFound("Partner organisation not found.");
    if (before.status !== "pending") throw conflict("This organisation's partner form has already been submitted.");
    const [after] = await tx
      .update(partnerOrg)
      .set({
        ...columnsOf(input),
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
      event: { type: "partner_organisation.updated", row: after! },
    });
    return after!;
  });
}

export const PENDING_ORG_MESSAGE = "Your organisation is pending approval. Complete your partner form first.";

/** Until its partner form is submitted, a pending organisation's users change nothing. */
export function assertOrgApproved(status: PartnerOrgStatus): void {
  if (status !== "approved") throw forbidden(PENDING_ORG_MESSAGE);
}
