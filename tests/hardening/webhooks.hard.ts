/**
 * Events out, against the built server on PostgreSQL: a receiver on loopback verifies every
 * signature with the standardwebhooks library; the app killed mid-delivery and restarted; two
 * instances sharing the work; the mail server down and back; a private address refused.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import postgres from "postgres";
import { openDatabase, type Database } from "@/db";
import { systemActor } from "@/lib/auth/actor";
import { createWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { fakeSmtp } from "./smtp";
import { webhookReceiver } from "../helpers/webhook-receiver";
import { Client } from "./client";
import { freshPgDatabase, startApp, type AppServer } from "./server";
import { tokenFor, uniq } from "./world";

const API = "/api/partner-management";
const CLIENT = { INITIAL_API_CLIENT_ID: "hooks-client", INITIAL_API_CLIENT_SECRET: "hooks-client-secret-0123456789-abcdef" };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let pg: Awaited<ReturnType<typeof freshPgDatabase>>;
let database: Database;
let sql: postgres.Sql;
before(async () => {
  pg = await freshPgDatabase();
  database = await openDatabase({ url: pg.url, max: 4 });
  sql = postgres(pg.url, { max: 2, onnotice: () => {} });
});
after(async () => {
  await sql.end();
  await database.close();
  await pg.drop();
});

async function apiOf(app: AppServer): Promise<Client> {
  const token = await tokenFor(app.base, CLIENT.INITIAL_API_CLIENT_ID, CLIENT.INITIAL_API_CLIENT_SECRET);
  assert.ok(token, app.logs().slice(-2000));
  return new Client(app.base, token);
}
const post = (c: Client, path: string, body: unknown) =>
  c.fetch(`${API}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const createOrg = async (c: Client, name: string) => {
  const res = await post(c, "/partner-organisation", { name, zuoraAccountId: "A1", isZuoraInvoiceOwner: true });
  assert.equal(res.status, 200);
  return ((await res.json()) as { id: string }).id;
};
/** Every event written so far, numbered by the sequencer or not yet (those are numbered after a restart). */
const eventIds = async () => (await sql<{ id: string }[]>`select id from event order by pos`).map((r) => r.id);
async function until(what: string, check: () => Promise<boolean> | boolean, ms: number, logs?: () => string) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}\n${logs?.().slice(-3000) ?? ""}`);
    await sleep(250);
  }
}
const env = (extra: Record<string, string> = {}) => ({ DATABASE_URL: pg.url, ...CLIENT, WEBHOOK_RETRY_BASE_SECONDS: "1", ...extra });

test("the app killed mid-delivery and restarted: every event delivered at least once, every signature verified, none lost", async () => {
  process.env.WEBHOOK_ALLOW_PRIVATE_ADDRESSES = "true";
  let secret = "";
  const receiver = webhookReceiver(8720, () => [secret]);
  receiver.delay(1500);
  await receiver.start();
  const { secret: s } = await createWebhookEndpoint(database.db, systemActor, { url: receiver.url, eventTypes: null });
  secret = s;
  let app = await startApp({ port: 3660, env: env({ WEBHOOK_ALLOW_PRIVATE_ADDRESSES: "true" }) });
  try {
    const api = await apiOf(app);
    const before = (await eventIds()).length;
    for (let i = 0; i < 6; i++) {
      const org = await createOrg(api, uniq("Killed mid-delivery"));
      for (let j = 0; j < 3; j++) assert.equal((await post(api, `/partner-organisation/${org}`, { email: `${uniq("k")}@hooks.example` })).status, 200);
    }
    // Deliveries are under way (the receiver takes 1.5 s to answer): kill the app now.
    await until("a delivery in flight", async () => (await sql`select 1 from webhook_delivery where status = 'sending'`).length > 0, 30_000, app.logs);
    await app.stop("SIGKILL");
    const ids = (await eventIds()).slice(before);
    assert.equal(ids.length, 6 * (1 + 3 * 2), "an event for each org and each user created and invited");
    receiver.delay(0);
    app = await startApp({ port: 3660, env: env({ WEBHOOK_ALLOW_PRIVATE_ADDRESSES: "true" }) });
    // A claim of the killed process is taken over once its 30 s lease runs out.
    await until("every event at the receiver", () => ids.every((id) => receiver.received.some((r) => r.id === id)), 120_000, app.logs);
    assert.equal(receiver.rejected.length, 0, "every signature verified");
    const counts = new Map<string, number>();
    for (const r of receiver.received) counts.set(r.id, (counts.get(r.id) ?? 0) + 1);
    const twice = [...counts.values()].filter((n) => n > 1).length;
    console.log(`[webhooks] killed mid-delivery: ${ids.length} events emitted, ${ids.length} delivered, ${twice} delivered twice (in flight at the kill), 0 lost`);
  } finally {
    await app.stop();
    await receiver.stop();
    await sql`update webhook_endpoint set disabled_at = now()`;
  }
});

test("two instances on one PostgreSQL: each event delivered once, in order per resource; the receiver down for a while loses nothing", async () => {
  let secret = "";
  const receiver = webhookReceiver(8721, () => [secret]);
  const { secret: s } = await createWebhookEndpoint(database.db, systemActor, { url: receiver.url, eventTypes: null });
  secret = s;
  const e = env({ WEBHOOK_ALLOW_PRIVATE_ADDRESSES: "true" });
  const [one, two] = await Promise.all([startApp({ port: 3661, env: e }), startApp({ port: 3662, env: e })]);
  try {
    const apis = await Promise.all([apiOf(one), apiOf(two)]);
    const before = (await eventIds()).length;
    const orgs = await Promise.all(Array.from({ length: 6 }, (_, i) => createOrg(apis[i % 2]!, uniq("Twin"))));
    // Updates of each organisation alternate between the instances, while the receiver is down.
    for (let round = 0; round < 4; round++) {
      await Promise.all(orgs.map((id, i) => apis[(i + round) % 2]!.fetch(`${API}/partner-organisation/${id}`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: `Twin ${i} round ${round}` }) })));
    }
    await sleep(3000);
    await receiver.start();
    const ids = (await eventIds()).slice(before);
    assert.equal(ids.length, 30);
    await until("every event at the receiver", () => ids.every((id) => receiver.received.some((r) => r.id === id)), 120_000, () => one.logs() + two.logs());
    await sleep(2000);
    const counts = new Map<string, number>();
    for (const r of receiver.received) counts.set(r.id, (counts.get(r.id) ?? 0) + 1);
    assert.deepEqual([...counts.values()].filter((n) => n > 1), [], "no double delivery");
    for (const [i, id] of orgs.entries()) {
      const names = receiver.received.filter((r) => r.resourceId === id).map((r) => (r.body.data as { name: string }).name);
      assert.deepEqual(names.slice(1), [0, 1, 2, 3].map((round) => `Twin ${i} round ${round}`), "in order per resource");
    }
    assert.equal(receiver.rejected.length, 0);
    console.log(`[webhooks] two instances: ${ids.length} events emitted, ${ids.filter((id) => counts.has(id)).length} delivered, 0 lost, 0 twice`);
  } finally {
    await Promise.all([one.stop(), two.stop()]);
    await receiver.stop();
    await sql`update webhook_endpoint set disabled_at = now()`;
  }
});

test("a private-address endpoint is refused unless WEBHOOK_ALLOW_PRIVATE_ADDRESSES=true", async () => {
  let secret = "";
  const receiver = webhookReceiver(8722, () => [secret]);
  await receiver.start();
  process.env.WEBHOOK_ALLOW_PRIVATE_ADDRESSES = "true";
  // https, so that the address (localhost resolves to loopback) is what the app refuses.
  const created = await createWebhookEndpoint(database.db, systemActor, { url: receiver.url.replace("http://127.0.0.1", "https://localhost"), eventTypes: null });
  secret = created.secret;
  // The test process allows private addresses (to create the endpoint); the app must not inherit that.
  const app = await startApp({ port: 3663, env: env({ WEBHOOK_ALLOW_PRIVATE_ADDRESSES: "false" }) });
  try {
    await createOrg(await apiOf(app), uniq("Private"));
    await until("a refused attempt", async () => (await sql`select 1 from webhook_attempt where endpoint_id = ${created.endpoint.id}`).length > 0, 30_000, app.logs);
    const [attempt] = await sql<{ error: string; succeeded: boolean }[]>`select error, succeeded from webhook_attempt where endpoint_id = ${created.endpoint.id}`;
    assert.equal(attempt!.succeeded, false);
    assert.match(attempt!.error, /private address/);
    assert.equal(receiver.received.length, 0, "nothing reached the private address");
  } finally {
    await app.stop();
    await receiver.stop();
    await sql`update webhook_endpoint set disabled_at = now()`;
  }
});

test("the mail server down, then up: every invitation mail is sent, none lost", async () => {
  const app = await startApp({ port: 3664, env: env({ SMTP_URL: "smtp://127.0.0.1:8730" }) });
  const smtp: { current?: ReturnType<typeof fakeSmtp> } = {};
  try {
    const api = await apiOf(app);
    const org = await createOrg(api, uniq("Mail outage"));
    const emails = Array.from({ length: 8 }, () => `${uniq("m")}@mail-outage.example`);
    for (const email of emails) assert.equal((await post(api, `/partner-organisation/${org}`, { email })).status, 200, "the API answers at once");
    await until("failed attempts", async () => (await sql`select 1 from mail_outbox where "to" in ${sql(emails)} and status = 'pending' and attempts > 0`).length === 8, 30_000, app.logs);
    smtp.current = fakeSmtp(8730);
    await until("every mail", () => emails.every((e) => smtp.current!.mails.some((m) => m.includes(`To: ${e}`))), 90_000, app.logs);
    // The worker records each send just after the server accepted it.
    await until("every mail recorded as sent", async () => (await sql`select 1 from mail_outbox where "to" in ${sql(emails)} and status = 'succeeded'`).length === 8, 30_000, app.logs);
    console.log(`[mail] SMTP down then up: ${emails.length} queued, ${emails.length} sent, 0 lost`);
  } finally {
    await app.stop();
    smtp.current?.server.close();
  }
});
