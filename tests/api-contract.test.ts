import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { count, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { activity, partnerOrg, partnerUser } from "@/db/schema";
import { GET as listOrgs } from "@/app/api/partner-management/partner-organisations/route";
import { POST as createOrg } from "@/app/api/partner-management/partner-organisation/route";
import { DELETE as deleteOrg, POST as createUser, PUT as updateOrg } from "@/app/api/partner-management/partner-organisation/[partnerOrganisationId]/route";
import { GET as listUsers } from "@/app/api/partner-management/partner-organisation/[partnerOrganisationId]/users/route";
import { DELETE as deleteUser } from "@/app/api/partner-management/partner-organisation/[partnerOrganisationId]/[partnerUserId]/route";
import { toApiOrg } from "@/lib/api/mappers";
import { DUPLICATE_EMAIL_MESSAGE } from "@/lib/partners/users";
import { databaseKind } from "./helpers/db";
import { assertMatchesSeed, call, ORG, ORG_ID, ORG_USER, ORG_USERS, ORGS, setupApi } from "./helpers/api";

describe(`REST API contract (${databaseKind})`, () => {
  let database: Database;
  let token: string;
  before(async () => {
    ({ database, token } = await setupApi());
  });
  after(async () => {
    await database.close();
  });

  const newOrg = async (body: Record<string, unknown>) => {
    const res = await call(createOrg, { method: "POST", path: ORG, token, body });
    assert.equal(res.status, 200, res.text);
    assertMatchesSeed(ORG, "post", res.body);
    return res.body;
  };
  const newUser = async (orgId: string, email: string) => {
    const res = await call(createUser, { method: "POST", path: `${ORG}/${orgId}`, token, body: { email }, params: { partnerOrganisationId: orgId } });
    assert.equal(res.status, 200, res.text);
    assertMatchesSeed(ORG_ID, "post", res.body);
    return res.body;
  };
  const rows = async (table: typeof partnerOrg | typeof partnerUser) =>
    Number(((await database.db.select({ n: count() }).from(table)) as [{ n: number }])[0].n);

  test("create an organisation: the spec's shape, optional fields left out, isZuoraInvoiceOwner mapped", async () => {
    const minimal = await newOrg({ name: "Acme", zuoraAccountId: "A-1", isZuoraInvoiceOwner: false });
    assert.equal(minimal.record_type, "partner_org");
    assert.equal(minimal.service, "partner-management");
    assert.deepEqual(minimal.data, { zuoraAccountId: "A-1", isZuoraInvoiceOwner: false });
    assert.equal(new Date(minimal.created).toISOString(), minimal.created);
    const [row] = await database.db.select().from(partnerOrg).where(eq(partnerOrg.id, minimal.id));
    assert.equal(row!.invoiceOwner, "end_customer");

    const full = await newOrg({ name: " Full ", zuoraAccountId: "A-2", isZuoraInvoiceOwner: true, salesforceAccountId: "001000000000001AAA", logo: "https://example.com/l.png" });
    assert.equal(full.name, "Full");
    assert.deepEqual(full.data, { zuoraAccountId: "A-2", isZuoraInvoiceOwner: true, salesforceAccountId: "001000000000001AAA", logo: "https://example.com/l.png" });
    const [fullRow] = await database.db.select().from(partnerOrg).where(eq(partnerOrg.id, full.id));
    assert.equal(fullRow!.invoiceOwner, "partner");
    const audit = await database.db.select().from(activity).where(eq(activity.targetId, full.id));
    assert.equal(audit[0]?.actorKind, "api_client");
  });

  test("PUT is partial: fields left out keep their values, null removes an optional one", async () => {
    const org = await newOrg({ name: "Patch", zuoraAccountId: "P-1", isZuoraInvoiceOwner: true, logo: "https://example.com/p.png" });
    const put = (body: unknown) => call(updateOrg, { method: "PUT", path: `${ORG}/${org.id}`, token, body, params: { partnerOrganisationId: org.id } });
    let res = await put({ salesforceAccountId: "001000000000002AAA" });
    assert.equal(res.status, 200, res.text);
    assertMatchesSeed(ORG_ID, "put", res.body);
    assert.deepEqual(res.body.data, { zuoraAccountId: "P-1", isZuoraInvoiceOwner: true, salesforceAccountId: "001000000000002AAA", logo: "https://example.com/p.png" });
    assert.equal(res.body.name, "Patch");
    res = await put({ isZuoraInvoiceOwner: false, zuoraAccountId: "P-2", name: "Patched", logo: null });
    assert.equal(res.status, 200, res.text);
    assertMatchesSeed(ORG_ID, "put", res.body);
    assert.deepEqual(res.body.data, { zuoraAccountId: "P-2", isZuoraInvoiceOwner: false, salesforceAccountId: "001000000000002AAA" });
    assert.equal(res.body.name, "Patched");
    assert.ok(res.body.modified >= org.modified);
    res = await put({});
    assert.equal(res.status, 200);
    assert.equal(res.body.name, "Patched");
  });

  test("unknown ids are 404 with a message; a user of another organisation is 404", async () => {
    const a = await newOrg({ name: "A404", zuoraAccountId: "Z", isZuoraInvoiceOwner: true });
    const b = await newOrg({ name: "B404", zuoraAccountId: "Z", isZuoraInvoiceOwner: true });
    const user = await newUser(a.id, "only-in-a@example.com");
    const missing = "0190a0a0-0000-7000-8000-000000000000";
    const cases = [
      await call(updateOrg, { method: "PUT", token, body: { name: "x" }, params: { partnerOrganisationId: missing } }),
      await call(deleteOrg, { method: "DELETE", token, params: { partnerOrganisationId: missing } }),
      await call(createUser, { method: "POST", token, body: { email: "nobody@example.com" }, params: { partnerOrganisationId: missing } }),
      await call(listUsers, { token, params: { partnerOrganisationId: missing } }),
      await call(deleteUser, { method: "DELETE", token, params: { partnerOrganisationId: a.id, partnerUserId: missing } }),
      await call(deleteUser, { method: "DELETE", token, params: { partnerOrganisationId: b.id, partnerUserId: user.id } }),
      await call(deleteOrg, { method: "DELETE", token, params: { partnerOrganisationId: "not an id\u0000" } }),
    ];
    for (const res of cases) {
      assert.equal(res.status, 404, res.text);
      assert.equal(typeof res.body.message, "string");
    }
    const [still] = await database.db.select().from(partnerUser).where(eq(partnerUser.id, user.id));
    assert.ok(still, "the user of A was not deleted through B");
  });

  test("users: create, list, name is the email, delete", async () => {
    const org = await newOrg({ name: "Users", zuoraAccountId: "U", isZuoraInvoiceOwner: false });
    const u1 = await newUser(org.id, "One@Example.com");
    assert.equal(u1.name, "One@Example.com");
    assert.deepEqual(u1.data, { email: "One@Example.com" });
    assert.equal(u1.partner_org, org.id);
    assert.equal(u1.record_type, "partner_user");
    const u2 = await newUser(org.id, "two@example.com");
    const list = await call(listUsers, { path: `${ORG}/${org.id}/users`, token, params: { partnerOrganisationId: org.id } });
    assert.equal(list.status, 200);
    assertMatchesSeed(ORG_USERS, "get", list.body);
    assert.deepEqual(list.body.items.map((u: { id: string }) => u.id), [u1.id, u2.id]);
    assert.equal("queryMore" in list.body, false);
    const del = await call(deleteUser, { method: "DELETE", token, params: { partnerOrganisationId: org.id, partnerUserId: u1.id } });
    assert.equal(del.status, 200);
    assertMatchesSeed(ORG_USER, "delete", del.body);
    assert.deepEqual(del.body, { success: true });
    const again = await call(deleteUser, { method: "DELETE", token, params: { partnerOrganisationId: org.id, partnerUserId: u1.id } });
    assert.equal(again.status, 404);
  });

  test("a duplicate email is 409 whatever its case, across partners", async () => {
    const a = await newOrg({ name: "DupA", zuoraAccountId: "D", isZuoraInvoiceOwner: false });
    const b = await newOrg({ name: "DupB", zuoraAccountId: "D", isZuoraInvoiceOwner: false });
    await newUser(a.id, "dup@example.com");
    const res = await call(createUser, { method: "POST", token, body: { email: "DUP@example.COM" }, params: { partnerOrganisationId: b.id } });
    assert.equal(res.status, 409);
    assert.deepEqual(res.body, { message: DUPLICATE_EMAIL_MESSAGE });
  });

  test("16 parallel creates of one email: exactly one 200 and fifteen 409", async () => {
    const orgs = await Promise.all([1, 2, 3, 4].map((i) => newOrg({ name: `Race ${i}`, zuoraAccountId: "R", isZuoraInvoiceOwner: true })));
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        call(createUser, { method: "POST", token, body: { email: i % 2 ? "Racer@Example.com" : "racer@example.com" }, params: { partnerOrganisationId: orgs[i % 4]!.id } }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    assert.deepEqual(statuses, [200, ...Array(15).fill(409)]);
    for (const r of results.filter((r) => r.status === 409)) assert.deepEqual(r.body, { message: DUPLICATE_EMAIL_MESSAGE });
    const [{ n }] = (await database.db.select({ n: count() }).from(partnerUser).where(eq(partnerUser.email, results.find((r) => r.status === 200)!.body.data.email))) as [{ n: number }];
    assert.equal(Number(n), 1);
  });

  test("deleting an organisation deletes its users in the same transaction", async () => {
    const org = await newOrg({ name: "Cascade", zuoraAccountId: "C", isZuoraInvoiceOwner: true });
    const other = await newOrg({ name: "Bystander", zuoraAccountId: "C", isZuoraInvoiceOwner: true });
    await newUser(org.id, "c1@example.com");
    await newUser(org.id, "c2@example.com");
    const kept = await newUser(other.id, "kept@example.com");
    const res = await call(deleteOrg, { method: "DELETE", path: `${ORG}/${org.id}`, token, params: { partnerOrganisationId: org.id } });
    assert.equal(res.status, 200);
    assertMatchesSeed(ORG_ID, "delete", res.body);
    assert.deepEqual(res.body, { success: true });
    assert.equal((await database.db.select().from(partnerUser).where(eq(partnerUser.partnerOrgId, org.id))).length, 0);
    assert.equal((await database.db.select().from(partnerUser).where(eq(partnerUser.id, kept.id))).length, 1);
    const list = await call(listUsers, { token, params: { partnerOrganisationId: org.id } });
    assert.equal(list.status, 404);
    const [audit] = await database.db.select().from(activity).where(eq(activity.action, "partner_org.deleted"));
    assert.equal((audit!.change as { usersDeleted: number }).usersDeleted, 2);
    // The users' emails are free again.
    await newUser(other.id, "c1@example.com");
  });

  test("the list's one-statement hot path answers each organisation exactly as toApiOrg maps its stored row", async () => {
    await newOrg({ name: "Mapped Logo", zuoraAccountId: "M1", isZuoraInvoiceOwner: false, salesforceAccountId: "001000000000001AAA", logo: "https://cdn.example.com/m.png" });
    const listed = await call(listOrgs, { path: `${ORGS}?limit=500`, token });
    assert.equal(listed.status, 200);
    const stored = await database.db.select().from(partnerOrg);
    const expected = new Map(stored.map((row) => [row.id, JSON.parse(JSON.stringify(toApiOrg(row)))]));
    assert.equal(listed.body.items.length, stored.length);
    for (const item of listed.body.items) assert.deepEqual(item, expected.get(item.id), item.id);
  });

  test("paging: limit default 50, at most 500, bad values and garbage cursors are 400", async () => {
    const before = await rows(partnerOrg);
    for (let i = before; i < 55; i++) await newOrg({ name: `Fill ${i}`, zuoraAccountId: "F", isZuoraInvoiceOwner: true });
    const first = await call(listOrgs, { path: ORGS, token });
    assert.equal(first.status, 200);
    assertMatchesSeed(ORGS, "get", first.body);
    assert.equal(first.body.items.length, 50);
    assert.equal(typeof first.body.queryMore, "string");
    const max = await call(listOrgs, { path: `${ORGS}?limit=500`, token });
    assert.equal(max.status, 200);
    assert.equal(max.body.items.length, await rows(partnerOrg));
    assert.equal("queryMore" in max.body, false);
    const garbage = Buffer.from(JSON.stringify(["\u0000"])).toString("base64url");
    for (const q of ["limit=0", "limit=501", "limit=abc", "limit=1.5", "limit=-1", "limit=", "limit=99999999999", "queryMore=%25%25%25", "queryMore=bm9wZQ", `queryMore=${garbage}`, "queryMore="]) {
      const res = await call(listOrgs, { path: `${ORGS}?${q}`, token });
      assert.equal(res.status, 400, `${q}: ${res.text}`);
      assert.equal(typeof res.body.message, "string", q);
    }
    const users = await call(listUsers, { path: `?limit=0`, token, params: { partnerOrganisationId: first.body.items[0].id } });
    assert.equal(users.status, 400);
  });

  test("walking pages with small limits while rows are added and deleted returns each lasting row exactly once", async () => {
    const start = (await call(listOrgs, { path: `${ORGS}?limit=500`, token })).body.items.map((o: { id: string }) => o.id) as string[];
    const doomed = new Set(start.filter((_, i) => i % 7 === 3));
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await call(listOrgs, { path: `${ORGS}?limit=4${cursor ? `&queryMore=${encodeURIComponent(cursor)}` : ""}`, token });
      assert.equal(res.status, 200, res.text);
      assertMatchesSeed(ORGS, "get", res.body);
      assert.ok(res.body.items.length <= 4);
      seen.push(...res.body.items.map((o: { id: string }) => o.id));
      cursor = res.body.queryMore;
      pages++;
      // Meanwhile: a new organisation, and one that existed at the start goes away.
      await newOrg({ name: `During ${pages}`, zuoraAccountId: "W", isZuoraInvoiceOwner: false });
      const victim = [...doomed][pages - 1];
      if (victim) await call(deleteOrg, { method: "DELETE", token, params: { partnerOrganisationId: victim } });
    } while (cursor);
    assert.equal(new Set(seen).size, seen.length, "no row twice");
    for (const id of start.filter((id) => !doomed.has(id))) assert.ok(seen.includes(id), `lasting row ${id} seen`);
    assert.ok(pages > 10);

    const org = await newOrg({ name: "Many users", zuoraAccountId: "M", isZuoraInvoiceOwner: true });
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await newUser(org.id, `page${i}@example.com`)).id);
    const got: string[] = [];
    cursor = undefined;
    do {
      const res = await call(listUsers, { path: `?limit=2${cursor ? `&queryMore=${cursor}` : ""}`, token, params: { partnerOrganisationId: org.id } });
      assert.equal(res.status, 200, res.text);
      assertMatchesSeed(ORG_USERS, "get", res.body);
      got.push(...res.body.items.map((u: { id: string }) => u.id));
      cursor = res.body.queryMore;
      if (got.length === 2) ids.push((await newUser(org.id, "late@example.com")).id);
    } while (cursor);
    assert.deepEqual(got, ids);
  });
});
