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
import { makeAdmin, makeOrg, PASSWORD, tokenFor, uniq } from "./world";

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
