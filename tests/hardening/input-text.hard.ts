/**
 * Issue 11, findings 7 and 8 (names): control characters are refused in every text input by the
 * shared field schemas, before anything is streamed or stored: a NUL in a search is a clear 400,
 * not a CSV download cut short with the SQL in the log; names refuse text-direction controls.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { sql } from "drizzle-orm";
import { openDatabase, rowsOf, type Database } from "@/db";
import { systemActor } from "@/lib/auth/actor";
import { createApiClient } from "@/lib/api-clients/api-clients";
import { Client } from "./client";
import { freshPgDatabase, serverActions, startApp, type AppServer } from "./server";
import { makeAdmin, makeOrg, makePartnerUser, PASSWORD, tokenFor, uniq } from "./world";

let pg: Awaited<ReturnType<typeof freshPgDatabase>>;
let database: Database;
let app: AppServer;
let admin: Client;
let api: Client;

before(async () => {
  pg = await freshPgDatabase();
  database = await openDatabase({ url: pg.url, max: 3 });
  app = await startApp({ port: 3680, env: { DATABASE_URL: pg.url } });
  const owner = await makeAdmin(database, "owner");
  admin = new Client(app.base);
  assert.ok(await admin.signIn("admin", owner.email, PASSWORD));
  const client = await createApiClient(database.db, systemActor, { name: "text checks" });
  api = new Client(app.base, await tokenFor(app.base, client.client.id, client.secret));
  await makeOrg(database);
});
after(async () => {
  await app?.stop();
  await database?.close();
  await pg?.drop();
});

const actionId = (key: string) => serverActions().find((a) => a.key.endsWith(key))!.id;
const partnerCount = async () => Number(rowsOf<{ n: string }>(await database.db.execute(sql`select count(*)::text as n from partner_org`))[0]!.n);
const noSqlInLogs = () => assert.ok(!/Failed query|select .* from|insert into/i.test(app.logs()), `SQL in the log:\n${app.logs().slice(-1500)}`);

test("finding 7: a NUL or other control character in an export's search is a clear 400 before streaming, and no SQL is logged", async () => {
  for (const path of ["/settings/profile/partners/export?q=%00", "/settings/profile/partners/export?q=acme%07", "/activity/export?actor=%00", "/activity/export?format=jsonl&org=%1b"]) {
    const res = await admin.fetch(path);
    assert.equal(res.status, 400, path);
    assert.match(res.headers.get("content-type") ?? "", /application\/json/);
    assert.match(((await res.json()) as { message: string }).message, /must not contain control characters/, path);
  }
  const ok = await admin.fetch("/settings/profile/partners/export?q=Org");
  assert.equal(ok.status, 200);
  assert.match(await ok.text(), /Org/);
  // No search at all is the whole table, as before.
  for (const path of ["/settings/profile/partners/export", "/activity/export"]) assert.equal((await admin.fetch(path)).status, 200, path);
  noSqlInLogs();
});

test("finding 7: control characters in names are a field error from forms and a 400 from the API; nothing is written", async () => {
  const before = await partnerCount();
  const create = actionId("settings/profile/partners/actions/create-partner.ts#createPartnerAction");
  const call = await admin.action(create, "/settings/profile/partners", [{ name: "Acme\u0000 Ltd", zuoraAccountId: "A0001", invoiceOwner: "partner" }]);
  assert.equal(call.result?.ok, false);
  assert.deepEqual((call.result?.fieldErrors as Record<string, string[]>).name, ["Partner organisation name must not contain control characters."]);
  const res = await api.fetch("/api/partner-management/partner-organisation", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "Acme\u0001", zuoraAccountId: "A1", isZuoraInvoiceOwner: true }),
  });
  assert.equal(res.status, 400);
  assert.match(JSON.stringify(await res.json()), /must not contain control characters/);
  const search = actionId("organisations/actions/find-partners.ts#findPartnersAction");
  const found = await admin.action(search, "/organisations", [{ q: "a\u0000" }]);
  assert.equal(found.result?.ok, false);
  assert.equal(await partnerCount(), before, "nothing written");
  noSqlInLogs();
});

test("finding 8: text-direction controls (U+202E …) are refused in names", async () => {
  const before = await partnerCount();
  const create = actionId("settings/profile/partners/actions/create-partner.ts#createPartnerAction");
  const call = await admin.action(create, "/settings/profile/partners", [{ name: `${uniq("Invoice")}\u202Egpj.exe`, zuoraAccountId: "A0001", invoiceOwner: "partner" }]);
  assert.equal(call.result?.ok, false);
  assert.deepEqual((call.result?.fieldErrors as Record<string, string[]>).name, ["Partner organisation name must not contain text-direction control characters."]);
  const res = await api.fetch("/api/partner-management/partner-organisation", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "Evil\u2066Corp", zuoraAccountId: "A1", isZuoraInvoiceOwner: true }),
  });
  assert.equal(res.status, 400);
  assert.equal(await partnerCount(), before);
});

test("finding 8: logos on loopback, private, link-local and metadata hosts are refused (forms and API)", async () => {
  const before = await partnerCount();
  const create = actionId("settings/profile/partners/actions/create-partner.ts#createPartnerAction");
  const hosts = ["http://127.0.0.1/x.png", "http://169.254.169.254/latest/meta-data", "http://localhost:8080/l.png", "https://[::1]/l.png", "http://10.1.2.3/l.png", "http://192.168.0.1/l.png", "http://2130706433/l.png", "http://metadata.google.internal/l.png"];
  for (const logo of hosts) {
    const call = await admin.action(create, "/settings/profile/partners", [{ name: uniq("Logo"), logo, zuoraAccountId: "A0001", invoiceOwner: "partner" }]);
    assert.equal(call.result?.ok, false, logo);
    assert.match(((call.result?.fieldErrors as Record<string, string[]>).logo ?? []).join(" "), /public host/, logo);
  }
  const res = await api.fetch("/api/partner-management/partner-organisation", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: uniq("api logo"), logo: "http://169.254.169.254/", zuoraAccountId: "A1", isZuoraInvoiceOwner: true }),
  });
  assert.equal(res.status, 400);
  assert.equal(await partnerCount(), before);
  const ok = await admin.action(create, "/settings/profile/partners", [{ name: uniq("Logo"), logo: "https://logos.example/ok.png", zuoraAccountId: "A0001", invoiceOwner: "partner" }]);
  assert.equal(ok.result?.ok, true, "a public logo still works");
});

test("finding 8: a partner Admin inviting another partner's user hears only that the email cannot be invited; portal admins keep the precise message", async () => {
  const mine = await makeOrg(database);
  const theirs = await makeOrg(database);
  const partnerAdmin = await makePartnerUser(database, mine.id, "admin");
  const taken = await makePartnerUser(database, theirs.id, "admin");
  const client = new Client(app.base);
  assert.ok(await client.signIn("partner", partnerAdmin.email, PASSWORD));
  const invite = actionId("members/actions/invite-member.ts#inviteMemberAction");
  const call = await client.action(invite, `/partner/${mine.slug}/members`, [{ orgId: mine.id, email: taken.email.toUpperCase(), role: "viewer" }]);
  assert.equal(call.result?.ok, false);
  assert.equal(call.result?.message, "This email cannot be invited. Ask the portal admins.");
  assert.ok(!JSON.stringify(call.result).includes("across all partners"));
  const createUser = actionId("settings/profile/partners/actions/create-user.ts#createUserAction");
  const byAdmin = await admin.action(createUser, `/settings/profile/partners/${mine.id}`, [{ orgId: mine.id, email: taken.email }]);
  assert.equal(byAdmin.result?.ok, false);
  assert.match(byAdmin.result?.message ?? "", /across all partners/);
});
