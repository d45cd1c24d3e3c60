import assert from "node:assert/strict";
import { createServer } from "node:http";
import { after, before, describe, test } from "node:test";
import { and, eq, sql } from "drizzle-orm";
import { openDatabase, rowsOf, type Database } from "@/db";
import { activity, webhookDelivery, webhookEndpoint } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import { listEvents } from "@/lib/events/query";
import { createPartnerOrg, updatePartnerOrg } from "@/lib/partners/orgs";
import { createPartnerUser } from "@/lib/partners/users";
import { MAX_ATTEMPTS, retryDelaySeconds } from "@/lib/webhooks/backoff";
import {
  createWebhookEndpoint,
  listWebhookAttempts,
  resendWebhookDelivery,
  rotateWebhookSecret,
  setWebhookEndpointEnabled,
} from "@/lib/webhooks/endpoints";
import { postWebhook } from "@/lib/webhooks/http";
import { databaseKind, freshDatabase } from "./helpers/db";
import { useTestOutbox } from "./helpers/outbox";
import { drainOutbox } from "./helpers/outbox-run";
import { webhookReceiver } from "./helpers/webhook-receiver";

useTestOutbox();
process.env.WEBHOOK_RETRY_BASE_SECONDS = "0.05";
const owner: Actor = { kind: "admin", id: "a1", role: "owner", label: "owner@example.com" };
const api: Actor = { kind: "api_client", id: "c1", label: "API client c1" };
const org = (name: string) => ({ name, zuoraAccountId: `Z-${name}`, invoiceOwner: "partner" as const });
const allowPrivate = (on: boolean) => (process.env.WEBHOOK_ALLOW_PRIVATE_ADDRESSES = on ? "true" : "false");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const port = (n: number) => 8700 + n + (databaseKind === "postgres" ? 50 : 0);

describe(`webhooks (${databaseKind})`, () => {
  let database: Database & { url?: string };
  before(async () => {
    database = await freshDatabase();
  });
  after(async () => {
    await database.close();
  });
  /** Only this endpoint gets deliveries from here on. */
  const onlyEndpoint = async (url: string, eventTypes: Parameters<typeof createWebhookEndpoint>[2]["eventTypes"] = null) => {
    await drainOutbox(database.db);
    await database.db.update(webhookEndpoint).set({ disabledAt: new Date(), disabledReason: "test" });
    return createWebhookEndpoint(database.db, owner, { url, eventTypes });
  };
  const until = async (what: string, check: () => Promise<boolean> | boolean, ms = 20_000) => {
    const end = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await drainOutbox(database.db, 5);
      await sleep(50);
    }
  };

  test("a receiver on loopback verifies every delivery's signature with the standardwebhooks library", async () => {
    allowPrivate(true);
    let secret = "";
    const receiver = webhookReceiver(port(1), () => [secret]);
    await receiver.start();
    try {
      const created = await onlyEndpoint(receiver.url);
      secret = created.secret;
      assert.match(secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
      const o = await createPartnerOrg(database.db, owner, org("Hooks Ltd"));
      await updatePartnerOrg(database.db, owner, o.id, { name: "Hooks Limited" });
      await createPartnerUser(database.db, owner, o.id, { email: "hooked@webhooks.example" });
      await until("4 deliveries", () => receiver.received.length >= 4);
      assert.equal(receiver.rejected.length, 0, "every signature verified");
      const events = (await listEvents(database.db, api, { limit: 500 })).items.slice(-4);
      assert.deepEqual(events.map((e) => e.type), ["partner_organisation.created", "partner_organisation.updated", "partner_user.created", "partner_user.invited"]);
      // Different resources travel side by side; each one's events arrive in order.
      const byId = new Map(receiver.received.map((r) => [r.id, r.body]));
      assert.deepEqual(events.map((e) => byId.get(e.id)), events, "the body is the event as GET /events shows it");
      const orgTypes = receiver.received.filter((r) => r.resourceId === o.id).map((r) => r.type);
      assert.deepEqual(orgTypes, ["partner_organisation.created", "partner_organisation.updated"]);
      const log = await listWebhookAttempts(database.db, owner, created.endpoint.id, { size: 50 });
      assert.equal(log.rows.length, 4);
      assert.ok(log.rows.every((a) => a.succeeded && a.statusCode === 200 && a.attempt === 1 && a.responseExcerpt === "ok"));
    } finally {
      await receiver.stop();
    }
  });

  test("the receiver down for a while, then back: every event delivered, in order per resource, none lost", async () => {
    allowPrivate(true);
    let secret = "";
    const receiver = webhookReceiver(port(2), () => [secret]);
    const created = await onlyEndpoint(receiver.url);
    secret = created.secret;
    const orgs = await Promise.all([1, 2, 3].map((i) => createPartnerOrg(database.db, owner, org(`Down ${i}`))));
    for (let round = 0; round < 5; round++) {
      await Promise.all(orgs.map((o) => updatePartnerOrg(database.db, owner, o.id, { name: `${o.name} r${round}` })));
    }
    for (let i = 0; i < 3; i++) {
      await drainOutbox(database.db, 3);
      await sleep(120);
    }
    const failed = await listWebhookAttempts(database.db, owner, created.endpoint.id, { size: 100 });
    assert.ok(failed.rows.length >= 3 && failed.rows.every((a) => !a.succeeded && /ECONNREFUSED/.test(a.error ?? "")), "attempts while down failed and were logged");
    assert.equal(failed.rows.filter((a) => a.attempt === 1).length, 3, "only the oldest event of each resource was tried: order is kept");
    await receiver.start();
    try {
      await until("18 deliveries", () => receiver.received.length >= 18);
      await drainOutbox(database.db);
      assert.equal(receiver.received.length, 18, "each event once");
      for (const o of orgs) {
        const names = receiver.received.filter((r) => r.resourceId === o.id).map((r) => (r.body.data as { name: string }).name);
        assert.deepEqual(names, [o.name, ...[0, 1, 2, 3, 4].map((r) => `${o.name} r${r}`)], "in order per resource");
      }
      const open = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from webhook_delivery where status <> 'succeeded' and endpoint_id = ${created.endpoint.id}`));
      assert.equal(Number(open[0]!.n), 0, "nothing left open");
    } finally {
      await receiver.stop();
    }
  });

  test("loopback, private, link-local and metadata addresses are refused unless WEBHOOK_ALLOW_PRIVATE_ADDRESSES=true", async () => {
    allowPrivate(false);
    for (const url of ["http://example.com/hooks", "https://127.0.0.1/hooks", "https://localhost/hooks", "https://[::1]/hooks", "https://169.254.169.254/latest", "https://10.0.0.7/x"]) {
      await assert.rejects(createWebhookEndpoint(database.db, owner, { url, eventTypes: null }), (err: DomainError) => err.code === "invalid" && Boolean(err.fieldErrors.url), url);
    }
    // A name that resolves to loopback is refused when the socket connects (not only when saved).
    const viaDns = await postWebhook(`https://localhost:${port(3)}/hooks`, "{}", {}, false);
    assert.match(viaDns.error ?? "", /resolves to a private address/);
    const literal = await postWebhook("https://[::ffff:127.0.0.1]:443/", "{}", {}, false);
    assert.match(literal.error ?? "", /private address; refused/);
    // An endpoint stored before the rule (or by hand) still gets nothing.
    const [row] = await database.db.select().from(webhookEndpoint).limit(1);
    await database.db.update(webhookEndpoint).set({ disabledAt: new Date() });
    await database.db.insert(webhookEndpoint).values({ ...row!, id: "private-endpoint", url: "https://localhost:9/hooks", disabledAt: null, eventTypes: null });
    await createPartnerOrg(database.db, owner, org("Private Ltd"));
    await drainOutbox(database.db, 3);
    const log = await listWebhookAttempts(database.db, owner, "private-endpoint", { size: 10 });
    assert.ok(log.rows.length >= 1 && log.rows.every((a) => !a.succeeded && /private address/.test(a.error ?? "")));
    // Allowed for local use: http and loopback.
    allowPrivate(true);
    const local = await createWebhookEndpoint(database.db, owner, { url: "http://127.0.0.1:9/hooks", eventTypes: ["partner_user.created"] });
    assert.deepEqual(local.endpoint.eventTypes, ["partner_user.created"]);
    await database.db.update(webhookEndpoint).set({ disabledAt: new Date() });
  });

  test("no redirect is followed and only the start of a large answer is kept", async () => {
    allowPrivate(true);
    const server = createServer((req, res) => {
      if (req.url === "/redirect") res.writeHead(302, { location: "http://127.0.0.1:1/elsewhere" }).end();
      else res.writeHead(200).end("x".repeat(200_000));
    });
    await new Promise<void>((r) => server.listen(port(4), "127.0.0.1", () => r()));
    try {
      const redirected = await postWebhook(`http://127.0.0.1:${port(4)}/redirect`, "{}", {}, true);
      assert.equal(redirected.ok, false);
      assert.equal(redirected.status, 302);
      assert.match(redirected.error ?? "", /Redirects are not followed/);
      const large = await postWebhook(`http://127.0.0.1:${port(4)}/large`, "{}", {}, true);
      assert.equal(large.ok, true);
      assert.equal(large.excerpt!.length, 500);
    } finally {
      server.close();
    }
  });

  test("retries back off from WEBHOOK_RETRY_BASE_SECONDS, stop after about a day; an endpoint failing for 3 days is disabled and says why", async () => {
    assert.equal(retryDelaySeconds(1, 30, () => 0), 30, "the first retry after the base");
    assert.equal(retryDelaySeconds(2, 30, () => 0), 60);
    assert.equal(retryDelaySeconds(12, 30, () => 0), 30 * 720, "capped at 6 hours");
    assert.ok(retryDelaySeconds(3, 30, () => 0.999) <= 120 * 1.25);
    const total = Array.from({ length: MAX_ATTEMPTS - 1 }, (_, i) => retryDelaySeconds(i + 1, 30, () => 0)).reduce((a, b) => a + b, 0);
    assert.ok(total > 18 * 3600 && total < 28 * 3600, `retries span about a day: ${total / 3600} h`);

    allowPrivate(true);
    let secret = "";
    const receiver = webhookReceiver(port(5), () => [secret]);
    receiver.answer(500);
    await receiver.start();
    try {
      const created = await onlyEndpoint(receiver.url);
      secret = created.secret;
      const o = await createPartnerOrg(database.db, owner, org("Failing Ltd"));
      await drainOutbox(database.db, 1);
      const [d] = await database.db.select().from(webhookDelivery).where(eq(webhookDelivery.endpointId, created.endpoint.id));
      assert.equal(d!.status, "pending");
      assert.equal(d!.attempts, 1);
      // The last retry fails: the delivery is failed for good.
      await database.db.update(webhookDelivery).set({ attempts: MAX_ATTEMPTS - 1, nextAttemptAt: new Date(0) }).where(eq(webhookDelivery.id, d!.id));
      await drainOutbox(database.db, 3);
      const [gaveUp] = await database.db.select().from(webhookDelivery).where(eq(webhookDelivery.id, d!.id));
      assert.equal(gaveUp!.status, "failed");
      assert.equal(gaveUp!.attempts, MAX_ATTEMPTS);
      // Failing since three days: the next failure disables the endpoint, and the admins see why.
      await database.db.update(webhookEndpoint).set({ failingSince: new Date(Date.now() - 3 * 24 * 3600_000 - 60_000) }).where(eq(webhookEndpoint.id, created.endpoint.id));
      await updatePartnerOrg(database.db, owner, o.id, { name: "Failing Limited" });
      await drainOutbox(database.db, 3);
      const [ep] = await database.db.select().from(webhookEndpoint).where(eq(webhookEndpoint.id, created.endpoint.id));
      assert.ok(ep!.disabledAt);
      assert.match(ep!.disabledReason ?? "", /failed for 3 days.*HTTP 500/);
      const audit = await database.db.select().from(activity).where(and(eq(activity.action, "webhook_endpoint.disabled"), eq(activity.targetId, created.endpoint.id)));
      assert.equal(audit.length, 1);
      // Disabled: new events are not queued for it; enabling and resending delivers the failed one.
      await updatePartnerOrg(database.db, owner, o.id, { name: "Failing again" });
      await drainOutbox(database.db, 3);
      assert.equal((await database.db.select().from(webhookDelivery).where(eq(webhookDelivery.endpointId, created.endpoint.id))).length, 2);
      receiver.answer(200);
      await setWebhookEndpointEnabled(database.db, owner, created.endpoint.id, true);
      await resendWebhookDelivery(database.db, owner, created.endpoint.id, d!.id);
      await until("the resent and the waiting delivery", () => receiver.received.length >= 2);
      assert.deepEqual(receiver.received.map((r) => (r.body.data as { name: string }).name), ["Failing Ltd", "Failing Limited"]);
      const log = await listWebhookAttempts(database.db, owner, created.endpoint.id, { size: 50 });
      assert.equal(log.rows.find((a) => a.deliveryId === d!.id && a.succeeded)?.attempt, 1, `a resend starts again from attempt 1: ${JSON.stringify(log.rows.map((a) => [a.deliveryId, a.attempt, a.succeeded, a.statusCode, a.error]))}`);
    } finally {
      await receiver.stop();
    }
  });

  test("rotating the secret: during the overlap both the new and the old secret verify", async () => {
    allowPrivate(true);
    let accepted: string[] = [];
    const receiver = webhookReceiver(port(6), () => accepted);
    await receiver.start();
    try {
      const created = await onlyEndpoint(receiver.url, ["partner_organisation.created"]);
      const { secret } = await rotateWebhookSecret(database.db, owner, created.endpoint.id);
      assert.notEqual(secret, created.secret);
      accepted = [created.secret];
      await createPartnerOrg(database.db, owner, org("Old secret"));
      await until("the old secret's delivery", () => receiver.received.length >= 1);
      accepted = [secret];
      await createPartnerOrg(database.db, owner, org("New secret"));
      await until("the new secret's delivery", () => receiver.received.length >= 2);
      assert.equal(receiver.rejected.length, 0);
      await database.db.update(webhookEndpoint).set({ previousSecretExpiresAt: new Date(Date.now() - 1000) }).where(eq(webhookEndpoint.id, created.endpoint.id));
      accepted = [created.secret];
      await createPartnerOrg(database.db, owner, org("Expired secret"));
      await until("a rejection", () => receiver.rejected.length >= 1);
    } finally {
      await receiver.stop();
    }
  });

  if (databaseKind === "postgres") {
    test("two workers on one database: each event delivered once", async () => {
      allowPrivate(true);
      let secret = "";
      const receiver = webhookReceiver(port(7), () => [secret]);
      await receiver.start();
      const other = await openDatabase({ url: database.url!, max: 4 });
      try {
        const created = await onlyEndpoint(receiver.url);
        secret = created.secret;
        const orgs = await Promise.all(Array.from({ length: 40 }, (_, i) => createPartnerOrg(database.db, owner, org(`Twin ${i}`))));
        let stop = false;
        const work = (db: Database["db"]) => (async () => {
          while (!stop) {
            await drainOutbox(db, 2);
            await sleep(5);
          }
        })();
        const workers = [work(database.db), work(other.db), work(database.db), work(other.db)];
        await until("40 deliveries", () => receiver.received.length >= 40);
        await sleep(300);
        stop = true;
        await Promise.all(workers);
        const ids = receiver.received.map((r) => r.id);
        assert.equal(ids.length, 40, "no double delivery");
        assert.equal(new Set(ids).size, 40);
        assert.deepEqual(new Set(receiver.received.map((r) => r.resourceId)), new Set(orgs.map((o) => o.id)));
      } finally {
        await other.close();
        await receiver.stop();
      }
    });
  }
});
