/**
 * Soak: the production build on a fresh PostgreSQL database under autocannon, with mixed reads and
 * writes through the REST API and a server action. Afterwards the database must hold exactly what
 * was acknowledged, and a webhook receiver on loopback must have received (signature verified)
 * every event the changes emitted. `npm run soak` runs it for SOAK_SECONDS (default 180) after
 * `npm run build`; the hardening suite runs a short form (tests/hardening/load.hard.ts).
 */
import autocannon from "autocannon";
import postgres from "postgres";
import { openDatabase } from "../db";
import { systemActor } from "../lib/auth/actor";
import { createWebhookEndpoint } from "../lib/webhooks/endpoints";
import { webhookReceiver } from "../tests/helpers/webhook-receiver";
import { Client } from "../tests/hardening/client";
import { freshPgDatabase, serverActions, startApp } from "../tests/hardening/server";
import { tokenFor } from "../tests/hardening/world";

export interface SoakResult {
  seconds: number;
  requests: number;
  errors: number;
  non2xx: number;
  acknowledged: { orgs: number; users: number };
  stored: { orgs: number; users: number };
  lost: number;
  /** Rows stored whose answer autocannon never read: requests still in flight when the run ended. */
  extra: number;
  unanswered: number;
  /** Stored rows that no request sent (must be 0). */
  unknown: number;
  /** Events the changes wrote, those a webhook receiver got (signature verified), and the difference. */
  events: { emitted: number; delivered: number; lost: number; duplicates: number; rejected: number };
}

export async function soak(opts: { seconds: number; port?: number; connections?: number; receiverPort?: number }): Promise<SoakResult> {
  const db = await freshPgDatabase();
  const env = {
    DATABASE_URL: db.url,
    INITIAL_ADMIN_EMAIL: "owner@soak.example",
    INITIAL_ADMIN_PASSWORD: "soak-owner-password-1",
    INITIAL_API_CLIENT_ID: "soak-client",
    INITIAL_API_CLIENT_SECRET: "soak-client-secret-0123456789-abcdef",
  };
  // The webhook scenario: every event goes to a receiver on loopback, which verifies each signature.
  let secret = "";
  const receiver = webhookReceiver(opts.receiverPort ?? 8740, () => [secret]);
  await receiver.start();
  process.env.WEBHOOK_ALLOW_PRIVATE_ADDRESSES = "true";
  const database = await openDatabase({ url: db.url, max: 2 });
  secret = (await createWebhookEndpoint(database.db, systemActor, { url: receiver.url, eventTypes: null })).secret;
  await database.close();
  const app = await startApp({ port: opts.port ?? 3632, env: { ...env, WEBHOOK_ALLOW_PRIVATE_ADDRESSES: "true" } });
  const sql = postgres(db.url, { max: 2, onnotice: () => {} });
  try {
    const token = await tokenFor(app.base, env.INITIAL_API_CLIENT_ID, env.INITIAL_API_CLIENT_SECRET);
    const admin = new Client(app.base);
    if (!token || !(await admin.signIn("admin", env.INITIAL_ADMIN_EMAIL, env.INITIAL_ADMIN_PASSWORD))) throw new Error("soak setup failed");
    const api = new Client(app.base, token);
    const home = (await (
      await api.fetch("/api/partner-management/partner-organisation", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "Soak home", zuoraAccountId: "A1", isZuoraInvoiceOwner: true }),
      })
    ).json()) as { id: string };
    const createPartner = serverActions().find((a) => a.key.endsWith("#createPartnerAction"))!;
    const { orgs: orgs0 } = (await sql<{ orgs: number }[]>`select count(*)::int as orgs from partner_org`)[0]!;

    const acked = { orgs: new Set<string>(), users: new Set<string>() };
    let n = 0;
    let answered = 0;
    const sent = new Set<string>();
    const name = () => {
      const v = `soak ${process.pid} ${n++}`;
      sent.add(v);
      return v;
    };
    const bearer = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const remember = (set: Set<string>, field: "id" | "email") => (status: number, body: string) => {
      answered++;
      if (status !== 200) return;
      const parsed = JSON.parse(body) as { id?: string; data?: { email?: string; id?: string }; ok?: boolean };
      const v = field === "id" ? parsed.id : parsed.data?.email;
      if (v) set.add(v);
    };
    const result = await autocannon({
      url: app.base,
      connections: opts.connections ?? 8,
      duration: opts.seconds,
      timeout: 20,
      requests: [
        { method: "GET", path: "/api/partner-management/partner-organisations?limit=50", headers: bearer },
        {
          method: "POST",
          path: "/api/partner-management/partner-organisation",
          headers: bearer,
          setupRequest: (req) => ({ ...req, body: JSON.stringify({ name: name(), zuoraAccountId: "A1", isZuoraInvoiceOwner: false }) }),
          onResponse: remember(acked.orgs, "id"),
        },
        {
          method: "POST",
          path: `/api/partner-management/partner-organisation/${home.id}`,
          headers: bearer,
          setupRequest: (req) => ({ ...req, body: JSON.stringify({ email: `${name().replace(/ /g, "-")}@soak.example` }) }),
          onResponse: (status, body) => {
            answered++;
            if (status === 200) acked.users.add((JSON.parse(body) as { data: { email: string } }).data.email);
          },
        },
        { method: "GET", path: `/api/partner-management/partner-organisation/${home.id}/users?limit=20`, headers: bearer },
        {
          // The "Create Partner" server action, as the browser posts it.
          method: "POST",
          path: "/settings/profile/partners",
          headers: { "next-action": createPartner.id, "content-type": "text/plain;charset=UTF-8", origin: app.base, accept: "text/x-component", cookie: admin.cookieHeader() },
          setupRequest: (req) => ({ ...req, body: JSON.stringify([{ name: name(), zuoraAccountId: "A0001", invoiceOwner: "partner" }]) }),
          onResponse: (status, body) => {
            answered++;
            const m = /\{"ok":true,"data":\{"id":"([^"]+)"/.exec(body);
            if (status === 200 && m) acked.orgs.add(m[1]!);
          },
        },
      ],
    });
    const { orgs } = (await sql<{ orgs: number }[]>`select count(*)::int as orgs from partner_org`)[0]!;
    const stored = await sql<{ id: string }[]>`select id from partner_org`;
    const users = await sql<{ email: string }[]>`select email from partner_user where partner_org_id = ${home.id}`;
    const storedIds = new Set(stored.map((r) => r.id));
    const names = await sql<{ name: string }[]>`select name from partner_org where name like 'soak %'`;
    const unknown = names.filter((r) => !sent.has(r.name)).length + users.filter((u) => !sent.has(u.email.replace(/@soak\.example$/, "").replace(/-/g, " "))).length;
    const storedEmails = new Set(users.map((r) => r.email));
    const lost = [...acked.orgs].filter((id) => !storedIds.has(id)).length + [...acked.users].filter((e) => !storedEmails.has(e)).length;
    const events = await countDeliveries(sql, receiver);
    return {
      seconds: opts.seconds,
      requests: result.requests.total,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
      acknowledged: { orgs: acked.orgs.size, users: acked.users.size },
      stored: { orgs: orgs - orgs0, users: users.length },
      lost,
      extra: orgs - orgs0 - acked.orgs.size + users.length - acked.users.size,
      unanswered: sent.size - answered,
      unknown,
      events,
    };
  } finally {
    await sql.end();
    await app.stop();
    await receiver.stop();
    await db.drop();
  }
}

/** Waits (up to 3 minutes) until the receiver has every event, then counts. */
async function countDeliveries(sql: postgres.Sql, receiver: ReturnType<typeof webhookReceiver>): Promise<SoakResult["events"]> {
  const end = Date.now() + 180_000;
  let ids: string[] = [];
  for (;;) {
    const unsequenced = (await sql<{ n: number }[]>`select count(*)::int as n from event where seq is null`)[0]!.n;
    ids = (await sql<{ id: string }[]>`select id from event`).map((r) => r.id);
    const got = new Set(receiver.received.map((r) => r.id));
    if ((unsequenced === 0 && ids.every((id) => got.has(id))) || Date.now() > end) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const got = new Set(receiver.received.map((r) => r.id));
  const delivered = ids.filter((id) => got.has(id)).length;
  return { emitted: ids.length, delivered, lost: ids.length - delivered, duplicates: receiver.received.length - got.size, rejected: receiver.rejected.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const seconds = Number(process.env.SOAK_SECONDS || 180);
  const r = await soak({ seconds, connections: Number(process.env.SOAK_CONNECTIONS || 8) });
  console.log(JSON.stringify(r, null, 2));
  if (r.errors || r.non2xx || r.lost || r.unknown || r.extra > r.unanswered || r.events.lost || r.events.rejected) {
    console.error("soak FAILED: errors, non-2xx answers, rows lost/unacknowledged, or events not delivered");
    process.exit(1);
  }
  console.log(`soak ok: ${r.requests} requests in ${seconds} s, 0 errors, ${r.acknowledged.orgs} orgs and ${r.acknowledged.users} users acknowledged and stored, 0 lost`);
  console.log(`webhooks: ${r.events.emitted} events emitted, ${r.events.delivered} delivered (signatures verified), ${r.events.lost} lost`);
}
