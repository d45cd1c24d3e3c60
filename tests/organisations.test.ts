import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { count, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { activity, customerOrg } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import {
  countOrganisationsByPartner,
  createOrganisation,
  deleteOrganisation,
  getOrganisation,
  listOrganisationsByKey,
  listOrganisationsTable,
  moveOrganisation,
  updateOrganisation,
} from "@/lib/organisations";
import { createPartnerOrg } from "@/lib/partners/orgs";
import { createOrganisationSchema, organisationsTableSearchSchema } from "@/lib/validations/organisation";
import { databaseKind, freshDatabase } from "./helpers/db";

const owner: Actor = { kind: "admin", id: "a1", role: "owner", label: "owner@orgs.example" };
const adminViewer: Actor = { kind: "admin", id: "a2", role: "viewer", label: "viewer@orgs.example" };
const api: Actor = { kind: "api_client", id: "c1", label: "client" };
const partner = (partnerOrgId: string, role: "viewer" | "maintainer" | "admin"): Actor => ({ kind: "partner_user", id: `pu-${role}`, partnerOrgId, role, label: `${role}@p.example` });
const isCode = (code: DomainError["code"]) => (e: unknown) => e instanceof DomainError && e.code === code;

describe(`customer organisations (${databaseKind})`, () => {
  let database: Database;
  let a: { id: string };
  let b: { id: string };
  before(async () => {
    database = await freshDatabase();
    a = await createPartnerOrg(database.db, owner, { name: "Partner A", zuoraAccountId: "ZA", invoiceOwner: "partner" });
    b = await createPartnerOrg(database.db, owner, { name: "Partner B", zuoraAccountId: "ZB", invoiceOwner: "partner" });
  });
  after(async () => {
    await database.close();
  });

  test("creates with an opaque URL-safe id, optional IDs and an optional partner, audited in the same transaction", async () => {
    const o = await createOrganisation(database.db, owner, { name: "Globex", zuoraAccountId: "A-1", partnerOrgId: a.id });
    assert.match(o.id, /^[0-9a-f-]{36}$/);
    assert.equal(encodeURIComponent(o.id), o.id);
    assert.equal(o.salesforceAccountId, null);
    const read = await getOrganisation(database.db, owner, o.id);
    assert.equal(read.partnerName, "Partner A");
    const [entry] = await database.db.select().from(activity).where(eq(activity.targetId, o.id));
    assert.equal(entry!.action, "organisation.created");
    assert.equal(entry!.partnerOrgId, a.id);
    const loose = await createOrganisation(database.db, owner, { name: "Loose", partnerOrgId: null });
    assert.equal((await getOrganisation(database.db, owner, loose.id)).partnerName, null);
    await assert.rejects(createOrganisation(database.db, owner, { name: "Ghost", partnerOrgId: "no-such-partner" }), isCode("not_found"));
    assert.equal(Number((await database.db.select({ n: count() }).from(customerOrg).where(eq(customerOrg.name, "Ghost")))[0]!.n), 0);
  });

  test("the form schema: name required, IDs optional, the Salesforce checksum as for partners", () => {
    assert.equal(createOrganisationSchema.safeParse({ name: " " }).success, false);
    const ok = createOrganisationSchema.parse({ name: "Initech", zuoraAccountId: "", salesforceAccountId: "", partnerOrgId: "" });
    assert.deepEqual(ok, { name: "Initech", zuoraAccountId: undefined, salesforceAccountId: undefined, partnerOrgId: null });
    assert.equal(createOrganisationSchema.safeParse({ name: "x", salesforceAccountId: "001000000000001AAB" }).success, false);
    assert.equal(createOrganisationSchema.safeParse({ name: "x", salesforceAccountId: "001000000000001AAA" }).success, true);
  });

  test("edits are audited as a diff; null removes an ID; an edit that changes nothing records nothing", async () => {
    const o = await createOrganisation(database.db, owner, { name: "Hooli", zuoraAccountId: "Z-H", partnerOrgId: a.id });
    const after = await updateOrganisation(database.db, owner, o.id, { name: "Hooli XYZ", zuoraAccountId: null });
    assert.equal(after.zuoraAccountId, null);
    await updateOrganisation(database.db, owner, o.id, { name: "Hooli XYZ" });
    const entries = await database.db.select().from(activity).where(eq(activity.action, "organisation.updated"));
    const mine = entries.filter((e) => e.targetId === o.id);
    assert.equal(mine.length, 1);
    assert.deepEqual(mine[0]!.change, { before: { name: "Hooli", zuoraAccountId: "Z-H" }, after: { name: "Hooli XYZ", zuoraAccountId: null }, name: "Hooli XYZ" });
    assert.equal(mine[0]!.partnerOrgId, a.id);
  });

  test("partner roles: Viewers read, Maintainers and Admins create, edit, renounce and delete their own", async () => {
    const own = await createOrganisation(database.db, owner, { name: "Own", partnerOrgId: a.id });
    const other = await createOrganisation(database.db, owner, { name: "Other", partnerOrgId: b.id });
    const none = await createOrganisation(database.db, owner, { name: "Nobody's", partnerOrgId: null });
    const viewer = partner(a.id, "viewer");
    assert.equal((await getOrganisation(database.db, viewer, own.id)).name, "Own");
    await assert.rejects(updateOrganisation(database.db, viewer, own.id, { name: "x" }), isCode("forbidden"));
    await assert.rejects(createOrganisation(database.db, viewer, { name: "x", partnerOrgId: a.id }), isCode("forbidden"));
    for (const role of ["maintainer", "admin"] as const) {
      const p = partner(a.id, role);
      // Another partner's organisations and "No partner" ones do not exist for them.
      for (const id of [other.id, none.id]) {
        await assert.rejects(getOrganisation(database.db, p, id), isCode("not_found"));
        await assert.rejects(moveOrganisation(database.db, p, id, a.id), isCode("not_found"));
        await assert.rejects(deleteOrganisation(database.db, p, id), isCode("not_found"));
      }
      await assert.rejects(createOrganisation(database.db, p, { name: "x", partnerOrgId: b.id }), isCode("forbidden"));
      await assert.rejects(createOrganisation(database.db, p, { name: "x", partnerOrgId: null }), isCode("forbidden"));
      const made = await createOrganisation(database.db, p, { name: `Made by ${role}`, partnerOrgId: a.id });
      await updateOrganisation(database.db, p, made.id, { name: `Renamed by ${role}` });
      await assert.rejects(moveOrganisation(database.db, p, made.id, b.id), isCode("forbidden"));
      assert.equal((await moveOrganisation(database.db, p, made.id, null)).partnerOrgId, null);
      // Renounced: gone from their sight at once.
      await assert.rejects(getOrganisation(database.db, p, made.id), isCode("not_found"));
    }
    const doomed = await createOrganisation(database.db, partner(a.id, "maintainer"), { name: "Doomed", partnerOrgId: a.id });
    await assert.rejects(deleteOrganisation(database.db, viewer, doomed.id), isCode("forbidden"));
    await deleteOrganisation(database.db, partner(a.id, "maintainer"), doomed.id);
    await assert.rejects(getOrganisation(database.db, owner, doomed.id), isCode("not_found"));
  });

  test("portal admin Viewers read only; API clients do everything", async () => {
    const o = await createOrganisation(database.db, api, { name: "Via API", partnerOrgId: a.id });
    assert.equal((await getOrganisation(database.db, adminViewer, o.id)).name, "Via API");
    await assert.rejects(createOrganisation(database.db, adminViewer, { name: "x", partnerOrgId: null }), isCode("forbidden"));
    await assert.rejects(moveOrganisation(database.db, adminViewer, o.id, b.id), isCode("forbidden"));
    await assert.rejects(deleteOrganisation(database.db, adminViewer, o.id), isCode("forbidden"));
    assert.equal((await moveOrganisation(database.db, api, o.id, b.id)).partnerOrgId, b.id);
    await deleteOrganisation(database.db, api, o.id);
  });

  test("the table: search, sort, keyset paging both ways, partner filter including No partner, capped total", async () => {
    const p = await createPartnerOrg(database.db, owner, { name: "Paging Partner", zuoraAccountId: "ZP", invoiceOwner: "partner" });
    const names = ["Tbl E", "Tbl D", "Tbl C", "Tbl B", "Tbl A"];
    for (const [i, name] of names.entries()) await createOrganisation(database.db, owner, { name, zuoraAccountId: `TBL-${i}`, partnerOrgId: i % 2 ? null : p.id });
    const base = { ...organisationsTableSearchSchema.parse({ q: "tbl" }), size: 2 };
    const walk: string[] = [];
    const pages = [];
    let page = await listOrganisationsTable(database.db, owner, base);
    for (;;) {
      pages.push(page);
      walk.push(...page.rows.map((r) => r.name));
      if (!page.nextCursor) break;
      page = await listOrganisationsTable(database.db, owner, { ...base, after: page.nextCursor });
    }
    assert.deepEqual(walk, [...names].sort());
    assert.equal(pages[0]!.total.count, 5);
    const back = await listOrganisationsTable(database.db, owner, { ...base, before: pages[2]!.prevCursor });
    assert.deepEqual(back.rows.map((r) => r.name), pages[1]!.rows.map((r) => r.name));
    const byCreated = await listOrganisationsTable(database.db, owner, { ...base, sort: "created", dir: "desc", size: 10 });
    const key = (r: { created: Date; id: string }) => `${r.created.toISOString()} ${r.id}`;
    assert.deepEqual(byCreated.rows.map(key), byCreated.rows.map(key).sort().reverse());
    assert.equal(byCreated.rows.length, 5);
    const owned = await listOrganisationsTable(database.db, owner, { ...base, size: 10, partner: p.id });
    assert.deepEqual(owned.rows.map((r) => [r.name, r.partnerName]), [["Tbl A", "Paging Partner"], ["Tbl C", "Paging Partner"], ["Tbl E", "Paging Partner"]]);
    const loose = await listOrganisationsTable(database.db, owner, { ...base, size: 10, partner: "none" });
    assert.deepEqual(loose.rows.map((r) => r.name), ["Tbl B", "Tbl D"]);
    const byZuora = await listOrganisationsTable(database.db, owner, { ...base, q: "TBL-3" });
    assert.deepEqual(byZuora.rows.map((r) => r.name), ["Tbl B"]);
    // A partner user lists only their own partner's.
    await assert.rejects(listOrganisationsTable(database.db, partner(p.id, "viewer"), base), isCode("forbidden"));
    await assert.rejects(listOrganisationsTable(database.db, partner(p.id, "viewer"), { ...base, partner: "none" }), isCode("forbidden"));
    assert.equal((await listOrganisationsTable(database.db, partner(p.id, "viewer"), { ...base, size: 10, partner: p.id })).rows.length, 3);
    await assert.rejects(listOrganisationsTable(database.db, owner, { ...base, after: "garbage!" }), isCode("invalid"));
  });

  test("the API's list pages by id; counts per partner come in one query", async () => {
    const p = await createPartnerOrg(database.db, owner, { name: "Keyed", zuoraAccountId: "ZK", invoiceOwner: "partner" });
    const made = [];
    for (let i = 0; i < 5; i++) made.push((await createOrganisation(database.db, owner, { name: `Key ${i}`, partnerOrgId: p.id })).id);
    const first = await listOrganisationsByKey(database.db, api, p.id, { limit: 3 });
    const second = await listOrganisationsByKey(database.db, api, p.id, { limit: 3, queryMore: first.queryMore });
    assert.deepEqual([...first.rows, ...second.rows].map((r) => r.id), [...made].sort());
    assert.equal(second.queryMore, undefined);
    await assert.rejects(listOrganisationsByKey(database.db, api, "missing", { limit: 3 }), isCode("not_found"));
    await assert.rejects(listOrganisationsByKey(database.db, partner(a.id, "admin"), p.id, { limit: 3 }), isCode("forbidden"));
    const counts = await countOrganisationsByPartner(database.db, owner, [p.id, b.id, "missing"]);
    assert.equal(counts.get(p.id), 5);
    assert.equal(counts.get("missing"), undefined);
    await assert.rejects(countOrganisationsByPartner(database.db, partner(a.id, "admin"), [p.id]), isCode("forbidden"));
  });
});
