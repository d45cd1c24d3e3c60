import "server-only";
import { eq, inArray, sql } from "drizzle-orm";
import type { Db, Queryable } from "@/db";
import { partnerOrg, partnerUser, type PartnerRole } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { CsvError, parseCsv } from "@/lib/csv";
import { invalid, notFound } from "@/lib/errors";
import { afterResponse } from "@/lib/mail/after-response";
import { deliver, issueInvitation } from "@/lib/password-links/links";
import type { Mail } from "@/lib/mail";
import { newId } from "@/lib/ids";
import { fullName } from "@/lib/partners/users";
import { importRowSchema } from "@/lib/validations/partner-user-import";

export const MAX_IMPORT_ROWS = 2000;

/** Header names we accept for each field (compared lower-cased, spaces/underscores/dashes removed). */
const HEADERS: Record<string, keyof ImportFields> = {
  email: "email", emailaddress: "email",
  name: "name", fullname: "name",
  firstname: "firstName", givenname: "firstName",
  lastname: "lastName", surname: "lastName", familyname: "lastName",
  phone: "phone", phonenumber: "phone",
  role: "role",
};

interface ImportFields {
  email: string;
  name?: string;
  firstName?: string;
  lastName?: string;
  phone?: string;
  role?: PartnerRole;
}

export interface ImportRowReport {
  /** The line's number in the file, the header being line 1. */
  line: number;
  email: string;
  name: string | null;
  errors: string[];
  fields?: ImportFields;
}

export interface ImportPreview {
  rows: ImportRowReport[];
  valid: number;
  invalid: number;
}

/** Parses and checks a file without writing anything: the per-row report the admin confirms. */
export async function previewPartnerUserImport(db: Queryable, actor: Actor, orgId: string, csv: string): Promise<ImportPreview> {
  assertCan(actor, "user:create", orgId);
  const [org] = await db.select({ id: partnerOrg.id }).from(partnerOrg).where(eq(partnerOrg.id, orgId));
  if (!org) throw notFound("Partner organisation not found.");
  const rows = parseRows(csv);
  if (rows.some((r) => r.fields?.role && r.fields.role !== "viewer")) assertCan(actor, "user:role", orgId);

  const seen = new Map<string, number>();
  for (const row of rows) {
    if (!row.fields) continue;
    const key = row.fields.email.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) row.errors.push(`Duplicate of line ${first} in this file.`);
    else seen.set(key, row.line);
  }
  const emails = [...seen.keys()];
  const taken = new Map<string, string>();
  for (let i = 0; i < emails.length; i += 500) {
    const chunk = emails.slice(i, i + 500);
    const found = await db
      .select({ email: sql<string>`lower(${partnerUser.email})`, orgId: partnerUser.partnerOrgId })
      .from(partnerUser)
      .where(inArray(sql`lower(${partnerUser.email})`, chunk));
    for (const f of found) taken.set(f.email, f.orgId);
  }
  for (const row of rows) {
    if (!row.fields) continue;
    const owner = taken.get(row.fields.email.toLowerCase());
    if (owner === orgId) row.errors.push("Already a user of this organisation.");
    else if (owner) row.errors.push("Already a partner user of another organisation (an email address can belong to only one partner user).");
  }
  const valid = rows.filter((r) => r.errors.length === 0).length;
  return { rows, valid, invalid: rows.length - valid };
}

/**
 * Imports the file's valid rows in ONE transaction, after checking it again (the preview may be
 * stale). The unique index on lower(email) still decides: a row that became a duplicate since
 * the check is skipped (ON CONFLICT DO NOTHING) and reported, never half-written.
 */
export async function importPartnerUsers(
  db: Db,
  actor: Actor,
  orgId: string,
  csv: string,
): Promise<{ created: number; skipped: ImportRowReport[] }> {
  const preview = await previewPartnerUserImport(db, actor, orgId, csv);
  const valid = preview.rows.filter((r) => r.errors.length === 0);
  const skipped = preview.rows.filter((r) => r.errors.length > 0);
  if (!valid.length) throw invalid("The file has no rows that can be imported.");
  const mails: Mail[] = [];
  const created = await db.transaction(async (tx) => {
    const [org] = await tx.select({ id: partnerOrg.id, name: partnerOrg.name }).from(partnerOrg).where(eq(partnerOrg.id, orgId)).for("update");
    if (!org) throw notFound("Partner organisation not found.");
    const [existing] = await tx.select({ id: partnerUser.id }).from(partnerUser).where(eq(partnerUser.partnerOrgId, orgId)).limit(1);
    const now = new Date();
    const values = valid.map((r, i) => ({
      id: newId(),
      partnerOrgId: orgId,
      email: r.fields!.email,
      name: r.fields!.name ?? null,
      firstName: r.fields!.firstName ?? null,
      lastName: r.fields!.lastName ?? null,
      phone: r.fields!.phone ?? null,
      // As with one user: the first user of an organisation is its Admin.
      role: r.fields!.role ?? (!existing && i === 0 ? "admin" : "viewer"),
      created: now,
      modified: now,
    }));
    const inserted = [];
    for (let i = 0; i < values.length; i += 500) {
      inserted.push(...(await tx.insert(partnerUser).values(values.slice(i, i + 500)).onConflictDoNothing().returning()));
    }
    const insertedEmails = new Set(inserted.map((u) => u.email.toLowerCase()));
    for (const r of valid) {
      if (!insertedEmails.has(r.fields!.email.toLowerCase())) skipped.push({ ...r, errors: ["Became a partner user while importing."] });
    }
    for (const user of inserted) {
      await recordActivity(tx, actor, {
        action: "partner_user.created",
        targetKind: "partner_user",
        targetId: user.id,
        partnerOrgId: orgId,
        change: { after: { email: user.email, name: fullName(user), role: user.role, phone: user.phone }, source: "csv" },
      });
      // Each imported user is invited like one created by hand; the mails go out after commit.
      mails.push(
        await issueInvitation(tx, actor, { principalKind: "partner_user", principalId: user.id, email: user.email, partnerOrgId: orgId, orgName: org.name }),
      );
    }
    await recordActivity(tx, actor, {
      action: "partner_user.imported",
      targetKind: "partner_org",
      targetId: orgId,
      partnerOrgId: orgId,
      change: { created: inserted.length, skipped: skipped.length },
    });
    return inserted.length;
  });
  await afterResponse(async () => {
    for (const mail of mails) await deliver(mail);
  });
  return { created, skipped: skipped.sort((a, b) => a.line - b.line) };
}

function parseRows(csv: string): ImportRowReport[] {
  let records: string[][];
  try {
    records = parseCsv(csv, { maxRecords: MAX_IMPORT_ROWS + 1 });
  } catch (err) {
    if (err instanceof CsvError) throw invalid(`The file is not valid CSV: ${err.message}`, { file: [err.message] });
    throw err;
  }
  const [header, ...body] = records;
  if (!header) throw invalid("The file is empty.", { file: ["The file is empty."] });
  const columns = header.map((h) => HEADERS[h.toLowerCase().replace(/[\s_-]/g, "")]);
  if (!columns.includes("email")) {
    throw invalid('The first line must name the columns, including "Email address".', { file: ["Missing an email column."] });
  }
  if (!body.length) throw invalid("The file has a header but no users.", { file: ["No users in the file."] });
  return body.map((cells, index) => {
    const raw: Record<string, string> = {};
    columns.forEach((key, col) => {
      if (key && cells[col] !== undefined) raw[key] = cells[col]!;
    });
    const line = index + 2;
    const parsed = importRowSchema.safeParse(raw);
    const email = (raw.email ?? "").trim();
    if (!parsed.success) {
      return { line, email, name: raw.name?.trim() || null, errors: parsed.error.issues.map((i) => i.message) };
    }
    const f = parsed.data;
    return { line, email: f.email, name: fullName({ name: f.name ?? null, firstName: f.firstName ?? null, lastName: f.lastName ?? null }), errors: [], fields: f };
  });
}
