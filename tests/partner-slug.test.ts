import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { eq, sql } from "drizzle-orm";
import { migrationsFolder, rowsOf, type Database } from "@/db";
import { activity, partnerOrg } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { DomainError, pgError } from "@/lib/errors";
import { createPartnerOrg } from "@/lib/partners/orgs";
import { getPartnerOrgBySlug, updatePartnerSlug } from "@/lib/partners/slug";
import { RESERVED_SLUGS, slugField } from "@/lib/validations/partner-slug";
import { databaseKind, freshDatabase } from "./helpers/db";

const owner: Actor = { kind: "admin", id: "owner-1", role: "owner", label: "owner@example.com" };
const adminViewer: Actor = { kind: "admin", id: "viewer-1", role: "viewer", label: "viewer@example.com" };
const refused = (code: DomainError["code"]) => (e: unknown) => e instanceof DomainError && e.code === code;
const LONG = "Extraordinarily Long Partner Organisation Name That Goes On And On Beyond Sixty Three";

/** The migrations up to and including `tag`, in a folder of their own. */
function migrationsUpTo(tag: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "pm-migrations-"));
  mkdirSync(path.join(dir, "meta"));
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as { entries: { tag: string }[] };
  const upTo = journal.entries.findIndex((e) => e.tag === tag);
  assert.ok(upTo >= 0, `no migration ${tag}`);
  journal.entries = journal.entries.slice(0, upTo + 1);
  for (const e of journal.entries) copyFileSync(path.join(migrationsFolder, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  writeFileSync(path.join(dir, "meta", "_journal.json"), JSON.stringify(journal));
  return dir;
}

describe(`partner slugs (${databaseKind})`, () => {
  let database: Database;
  const create = (name: string) => createPartnerOrg(database.db, owner, { name, zuoraAccountId: "A0001", invoiceOwner: "partner" });
  before(async () => {
    database = await freshDatabase();
  });
  after(async () => {
    await database.close();
  });

  test("a new partner organisation's slug is made from its name, with a suffix when taken", async () => {
    const cases: Array<[string, string]> = [
      ["Acme Resellers", "acme-resellers"],
      ["ACME resellers!", "acme-resellers-2"],
      ["Acme Resellers", "acme-resellers-3"],
      ["Café Crème & Co.", "cafe-creme-and-co"],
      ["Ørsted Søn Straße Æble", "orsted-son-strasse-aeble"],
      ["Łódź Đurić Þór", "lodz-duric-thor"],
      ["  --Hello__World--  ", "hello-world"],
      ["A", "a-partner"],
      ["東京", "partner-org"],
      ["東京", "partner-org-2"],
      ["Complete", "complete-2"],
      ["Orgs", "orgs-2"],
      [LONG, "extraordinarily-long-partner-organisation-name-that-goes-on-and"],
      [LONG, "extraordinarily-long-partner-organisation-name-that-goes-on-a-2"],
    ];
    for (const [name, slug] of cases) {
      const org = await create(name);
      assert.equal(org.slug, slug, name);
      assert.ok(slug.length >= 3 && slug.length <= 63);
    }
    const [entry] = await database.db.select().from(activity).where(eq(activity.action, "partner_org.created")).limit(1);
    assert.equal((entry!.change as { after: { slug: string } }).after.slug, "acme-resellers");
  });

  test("organisations of one name created at once each get their own slug", async () => {
    const orgs = await Promise.all(Array.from({ length: 6 }, () => create("Same Time Partner")));
    assert.deepEqual(
      orgs.map((o) => o.slug).sort(),
      ["same-time-partner", "same-time-partner-2", "same-time-partner-3", "same-time-partner-4", "same-time-partner-5", "same-time-partner-6"],
    );
  });

  test("Owners and Admins change a slug, audited; a taken, malformed or reserved one is refused and nothing changes", async () => {
    const org = await create("Renamed Partner");
    const other = await create("Other Partner");
    const changed = await updatePartnerSlug(database.db, owner, org.id, "new-address");
    assert.equal(changed.slug, "new-address");
    const [entry] = await database.db.select().from(activity).where(eq(activity.targetId, org.id)).orderBy(sql`${activity.id} desc`).limit(1);
    assert.equal(entry!.action, "partner_org.updated");
    assert.deepEqual(entry!.change, { before: { slug: "renamed-partner" }, after: { slug: "new-address" } });

    await assert.rejects(updatePartnerSlug(database.db, owner, org.id, other.slug), (e) => refused("conflict")(e) && (e as DomainError).fieldErrors.slug !== undefined);
    for (const bad of ["ab", "Has-Caps", "-abc", "abc-", "with space", "x".repeat(64), "orgs", "forgot-password", "sso", "café"]) {
      await assert.rejects(updatePartnerSlug(database.db, owner, org.id, bad), (e) => refused("invalid")(e) && (e as DomainError).fieldErrors.slug !== undefined, bad);
    }
    await assert.rejects(updatePartnerSlug(database.db, adminViewer, org.id, "by-a-viewer"), refused("forbidden"));
    const partnerAdmin: Actor = { kind: "partner_user", id: "pu", partnerOrgId: org.id, role: "admin", label: "pu@example.com" };
    await assert.rejects(updatePartnerSlug(database.db, partnerAdmin, org.id, "by-its-own-admin"), refused("forbidden"));
    const [row] = await database.db.select().from(partnerOrg).where(eq(partnerOrg.id, org.id));
    assert.equal(row!.slug, "new-address");
  });

  test("the database refuses what the form refuses: format, reserved words, duplicates", async () => {
    const org = await create("Constraint Partner");
    const setSlug = (slug: string) => database.db.update(partnerOrg).set({ slug }).where(eq(partnerOrg.id, org.id));
    const samples = [...RESERVED_SLUGS, "ab", "abc", "a-b", "-ab", "ab-", "a--b", "UPPER", "x".repeat(63), "x".repeat(64), "émile", "ok-123"];
    for (const slug of samples) {
      const formOk = slugField.safeParse(slug).success;
      const [{ allowed }] = rowsOf<{ allowed: boolean }>(await database.db.execute(sql`select partner_slug_allowed(${slug}) as allowed`)) as [{ allowed: boolean }];
      assert.equal(allowed, formOk, `form and database disagree on "${slug}"`);
      if (!formOk) await assert.rejects(setSlug(slug), (e) => pgError(e).code === "23514", slug);
    }
    const other = await create("Duplicate Target");
    await assert.rejects(setSlug(other.slug), (e) => pgError(e).code === "23505");
  });

  test("a slug leads to its partner only for those who may read it; anything else is not found", async () => {
    const mine = await create("Slug Owner");
    const theirs = await create("Slug Stranger");
    const me: Actor = { kind: "partner_user", id: "pu1", partnerOrgId: mine.id, role: "viewer", label: "pu1@example.com" };
    assert.equal((await getPartnerOrgBySlug(database.db, me, mine.slug)).id, mine.id);
    assert.equal((await getPartnerOrgBySlug(database.db, adminViewer, theirs.slug)).id, theirs.id);
    for (const slug of [theirs.slug, "no-such-partner", "NOT A SLUG", "../etc"]) {
      await assert.rejects(getPartnerOrgBySlug(database.db, me, slug), refused("not_found"), slug);
    }
  });
});

describe(`the slug backfill of existing partners (${databaseKind})`, () => {
  test("every existing row gets a unique slug, oldest first keeping the plain one", async () => {
    const database = await freshDatabase({ migrationsFolder: migrationsUpTo("0003_customer_organisations") });
    try {
      const rows: Array<[string, string]> = [
        ["00000000-0000-7000-8000-000000000001", "Acme"],
        ["00000000-0000-7000-8000-000000000002", "ACME"],
        ["00000000-0000-7000-8000-000000000003", "Acme 2"],
        ["00000000-0000-7000-8000-000000000004", "Acme"],
        ["00000000-0000-7000-8000-000000000005", "Crème Brûlée"],
        ["00000000-0000-7000-8000-000000000006", "Settings"],
        ["00000000-0000-7000-8000-000000000007", "Z"],
        ["00000000-0000-7000-8000-000000000008", "???"],
      ];
      for (const [i, [id, name]] of rows.entries()) {
        await database.db.execute(sql`
          insert into partner_org (id, name, zuora_account_id, invoice_owner, status, created, modified)
          values (${id}, ${name}, 'A1', 'partner', 'approved', now() - make_interval(mins => ${100 - i}), now())`);
      }
      await database.migrate();
      const got = rowsOf<{ id: string; slug: string }>(await database.db.execute(sql`select id, slug from partner_org order by id`));
      assert.deepEqual(
        got.map((r) => r.slug),
        ["acme", "acme-3", "acme-2", "acme-4", "creme-brulee", "settings-2", "z-partner", "partner-org"],
      );
    } finally {
      await database.close();
    }
  });
});
