/**
 * Load: a short soak (the full one is `npm run soak`), and two app instances on one PostgreSQL
 * database: unique emails, sign-in rate limits and session revocation hold across them.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { soak } from "../../scripts/soak";
import { Client } from "./client";
import { freshPgDatabase, serverActions, startApp } from "./server";
import { makeAdmin, makeOrg, makePartnerUser, PASSWORD, tokenFor, uniq } from "./world";
import { openDatabase } from "@/db";

test("short soak: mixed API reads and writes and a server action, zero errors, the database holds exactly what was acknowledged", async () => {
  const r = await soak({ seconds: Number(process.env.SOAK_SECONDS || 20), port: 3633, connections: 8, receiverPort: 8741 });
  console.log(`[soak] ${JSON.stringify(r)}`);
  assert.ok(r.requests > 100, `requests: ${r.requests}`);
  assert.equal(r.errors, 0);
  assert.equal(r.non2xx, 0);
  assert.ok(r.acknowledged.orgs > 0 && r.acknowledged.users > 0);
  assert.equal(r.lost, 0, "rows lost");
  // autocannon stops without reading the answers still in flight: those rows may be stored, nothing else.
  assert.equal(r.unknown, 0, "rows stored that no request asked for");
  assert.ok(r.extra >= 0 && r.extra <= r.unanswered, `stored but unacknowledged ${r.extra}, unanswered ${r.unanswered}`);
  // The webhook scenario: every event the changes emitted reached the receiver, signature verified.
  assert.ok(r.events.emitted >= r.acknowledged.orgs + r.acknowledged.users, `events ${JSON.stringify(r.events)}`);
  assert.equal(r.events.rejected, 0, "a signature did not verify");
  assert.equal(r.events.lost, 0, "events lost");
});

test("finding 5: two app instances on one database: unique emails, sign-in rate limits (per account and address) and session revocation hold across them", async () => {
  const pg = await freshPgDatabase();
  const database = await openDatabase({ url: pg.url, max: 4 });
  // Behind one proxy (TRUSTED_PROXY_COUNT=1), so the test can speak from several addresses.
  const env = { DATABASE_URL: pg.url, TRUSTED_PROXY_COUNT: "1", INITIAL_API_CLIENT_ID: "two-client", INITIAL_API_CLIENT_SECRET: "two-client-secret-0123456789-abcdef" };
  const [one, two] = await Promise.all([startApp({ port: 3634, env }), startApp({ port: 3635, env })]);
  try {
    const apis = await Promise.all([one, two].map(async (app) => new Client(app.base, await tokenFor(app.base, env.INITIAL_API_CLIENT_ID, env.INITIAL_API_CLIENT_SECRET))));
    const org = await makeOrg(database);

    // One email, sixteen racing creates split over both instances (and both kinds of entry point: API and action).
    const email = `${uniq("race")}@two.example`;
    const statuses = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        apis[i % 2]!.fetch(`/api/partner-management/partner-organisation/${org.id}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ email: i % 3 ? email : email.toUpperCase() }),
        }).then((r) => r.status),
      ),
    );
    assert.equal(statuses.filter((s) => s === 200).length, 1, `statuses ${statuses}`);
    assert.equal(statuses.filter((s) => s === 409).length, 15);

    // Sign-in rate limit per account and address (finding 5): an attacker's failures on either
    // instance count together (5 on each lock it), and lock out the attacker's address only: the
    // owner, from an address that has not failed, still gets in on both instances.
    const admin = await makeAdmin(database, "admin");
    const attacker = { "x-forwarded-for": "203.0.113.66" };
    for (let i = 0; i < 10; i++) assert.equal(await new Client((i % 2 ? two : one).base).signIn("admin", admin.email, "wrong-password-123", attacker), false);
    assert.equal(await new Client(two.base).signIn("admin", admin.email, PASSWORD, attacker), false, "the right password is refused from the locked-out address");
    assert.equal(await new Client(one.base).signIn("admin", admin.email, PASSWORD, attacker), false);
    assert.ok(await new Client(one.base).signIn("admin", admin.email, PASSWORD, { "x-forwarded-for": "198.51.100.10" }), "the owner gets in from a fresh address");
    assert.ok(await new Client(two.base).signIn("admin", admin.email, PASSWORD, { "x-forwarded-for": "198.51.100.11" }), "on the other instance too");
    // The account's brake is on: an address that has failed once is refused too, even with the right password.
    const second = { "x-forwarded-for": "203.0.113.67" };
    assert.equal(await new Client(two.base).signIn("admin", admin.email, "wrong-password-456", second), false);
    assert.equal(await new Client(one.base).signIn("admin", admin.email, PASSWORD, second), false, "a failed address is braked once the account has 10 failures");

    // Session revocation: an admin signed in on one instance, removed on the other, is refused on both at once.
    const owner = await makeAdmin(database, "owner");
    const victim = await makeAdmin(database, "admin");
    const ownerOnTwo = new Client(two.base);
    assert.ok(await ownerOnTwo.signIn("admin", owner.email, PASSWORD));
    const victimOnOne = new Client(one.base);
    assert.ok(await victimOnOne.signIn("admin", victim.email, PASSWORD));
    const victimCookieOnTwo = new Client(two.base);
    victimCookieOnTwo.cookies = new Map(victimOnOne.cookies);
    assert.equal((await victimOnOne.fetch("/settings/admins")).status, 200);
    assert.equal((await victimCookieOnTwo.fetch("/settings/admins")).status, 200, "the session works on both instances");
    const demote = serverActions().find((a) => a.key.endsWith("#changeAdminRoleAction"))!;
    assert.equal((await ownerOnTwo.action(demote.id, "/", [{ id: victim.id, role: "viewer" }])).result?.ok, true);
    assert.equal((await victimOnOne.fetch("/settings/admins")).status, 307, "refused on the other instance at once");
    assert.equal((await victimCookieOnTwo.fetch("/settings/admins")).status, 307);

    // A partner user deleted through one instance is signed out on the other.
    const pu = await makePartnerUser(database, org.id, "viewer");
    const partnerOnTwo = new Client(two.base);
    assert.ok(await partnerOnTwo.signIn("partner", pu.email, PASSWORD));
    // /partner redirects a signed-in partner user to their account at /partner/<slug>: read that.
    assert.ok((await (await partnerOnTwo.fetch(`/partner/${org.slug}`)).text()).includes(org.name));
    assert.equal((await apis[0]!.fetch(`/api/partner-management/partner-organisation/${org.id}/${pu.id}`, { method: "DELETE" })).status, 200);
    assert.ok(!(await (await partnerOnTwo.fetch(`/partner/${org.slug}`)).text()).includes(org.name), "the deleted user's session is refused");
  } finally {
    await Promise.all([one.stop(), two.stop()]);
    await database.close();
    await pg.drop();
  }
});
