/**
 * Issue 11, finding 1: signing out ends the session on the server. A copy of the session cookie
 * taken before signing out is refused by every page, action and route afterwards, on every app
 * instance (the session lives in the database, not in the cookie alone).
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { openDatabase, type Database } from "@/db";
import { Client } from "./client";
import { freshPgDatabase, serverActions, startApp, type AppServer } from "./server";
import { makeAdmin, makeOrg, makePartnerUser, PASSWORD } from "./world";

let pg: Awaited<ReturnType<typeof freshPgDatabase>>;
let database: Database;
let one: AppServer;
let two: AppServer;

before(async () => {
  pg = await freshPgDatabase();
  database = await openDatabase({ url: pg.url, max: 4 });
  const env = { DATABASE_URL: pg.url };
  [one, two] = await Promise.all([startApp({ port: 3640, env }), startApp({ port: 3641, env })]);
});
after(async () => {
  await Promise.all([one?.stop(), two?.stop()]);
  await database?.close();
  await pg?.drop();
});

const actionId = (name: string) => serverActions().find((a) => a.key.endsWith(name.includes("#") ? name : `#${name}`))!.id;

/** A copy of a signed-in client's cookies, aimed at `base` (the attacker's replay). */
function copyOf(client: Client, base: string): Client {
  const copy = new Client(base);
  copy.cookies = new Map(client.cookies);
  return copy;
}

async function signOut(client: Client): Promise<void> {
  const csrf = (await (await client.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await client.fetch("/api/auth/signout", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken: csrf.csrfToken, json: "true" }),
  });
  await res.text();
  assert.ok(![...client.cookies.keys()].some((k) => k.endsWith("next-auth.session-token")), "the browser's cookie is cleared");
}

test("finding 1: an admin's session cookie copied before signing out is refused by pages, actions and routes on both instances", async () => {
  const admin = await makeAdmin(database, "admin");
  const browser = new Client(one.base);
  assert.ok(await browser.signIn("admin", admin.email, PASSWORD));
  const copies = [copyOf(browser, one.base), copyOf(browser, two.base)];
  for (const copy of copies) {
    assert.equal((await copy.fetch("/settings/admins")).status, 200, "the copied cookie works before signing out");
    assert.equal((await copy.fetch("/settings/profile/partners/export")).status, 200);
  }
  await signOut(browser);
  const invite = actionId("inviteAdminAction");
  for (const copy of copies) {
    const page = await copy.fetch("/settings/admins");
    assert.equal(page.status, 307, "admin page refused after sign-out");
    assert.equal(page.headers.get("location"), "/");
    assert.equal((await copy.fetch("/settings/profile/partners/export")).status, 401, "route refused after sign-out");
    const call = await copy.action(invite, "/settings/admins", [{ email: `replay-${Date.now()}@x.example`, role: "viewer" }]);
    assert.equal(call.result?.ok, false, "server action refused after sign-out");
    assert.equal(call.result?.message, "Your session has ended. Sign in again.");
  }
});

test("finding 1: a partner user's session cookie copied before signing out is refused on both instances", async () => {
  const org = await makeOrg(database);
  const pu = await makePartnerUser(database, org.id, "admin");
  const browser = new Client(two.base);
  assert.ok(await browser.signIn("partner", pu.email, PASSWORD));
  const copies = [copyOf(browser, one.base), copyOf(browser, two.base)];
  for (const copy of copies) assert.equal((await copy.fetch(`/partner/${org.slug}`)).status, 200);
  await signOut(browser);
  const create = actionId("app/partner/[slug]/organisations/actions/create-organisation.ts#createOrganisationAction");
  for (const copy of copies) {
    const page = await copy.fetch(`/partner/${org.slug}`);
    assert.notEqual(page.status, 200, "partner page refused after sign-out");
    assert.equal((await copy.fetch("/partner/activity/export")).status, 401);
    const call = await copy.action(create, `/partner/${org.slug}`, [{ partnerOrgId: org.id, name: "Replayed" }]);
    assert.equal(call.result?.ok, false);
    assert.equal(call.result?.message, "Your session has ended. Sign in again.");
  }
});

test("finding 1: \"Sign out everywhere\" ends every session of that user, and an Owner's \"End sessions\" ends an admin's", async () => {
  const admin = await makeAdmin(database, "admin");
  const laptop = new Client(one.base);
  const phone = new Client(two.base);
  assert.ok(await laptop.signIn("admin", admin.email, PASSWORD));
  assert.ok(await phone.signIn("admin", admin.email, PASSWORD));
  const everywhere = await laptop.action(actionId("adminSignOutEverywhereAction"), "/", [{}]);
  assert.equal(everywhere.result?.ok, true, everywhere.text.slice(0, 200));
  assert.equal((await laptop.fetch("/settings/admins")).status, 307);
  assert.equal((await phone.fetch("/settings/admins")).status, 307, "the other device is signed out too");

  // A new sign-in works again; an Owner ends it; an Admin may not end anyone's sessions.
  assert.ok(await phone.signIn("admin", admin.email, PASSWORD));
  const owner = await makeAdmin(database, "owner");
  const other = await makeAdmin(database, "admin");
  const ownerClient = new Client(one.base);
  const otherClient = new Client(two.base);
  assert.ok(await ownerClient.signIn("admin", owner.email, PASSWORD));
  assert.ok(await otherClient.signIn("admin", other.email, PASSWORD));
  const end = actionId("endAdminSessionsAction");
  const refused = await otherClient.action(end, "/settings/admins", [{ id: admin.id }]);
  assert.equal(refused.result?.ok, false, "an Admin cannot end another admin's sessions");
  assert.equal((await phone.fetch("/settings/admins")).status, 200);
  const ended = await ownerClient.action(end, "/settings/admins", [{ id: admin.id }]);
  assert.equal(ended.result?.ok, true, ended.text.slice(0, 200));
  assert.equal((await phone.fetch("/settings/admins")).status, 307, "ended by the Owner");

  // A partner user's "Sign out everywhere".
  const org = await makeOrg(database);
  const pu = await makePartnerUser(database, org.id, "viewer");
  const a = new Client(one.base);
  const b = new Client(two.base);
  assert.ok(await a.signIn("partner", pu.email, PASSWORD));
  assert.ok(await b.signIn("partner", pu.email, PASSWORD));
  assert.equal((await a.action(actionId("partnerSignOutEverywhereAction"), "/partner", [{}])).result?.ok, true);
  assert.notEqual((await b.fetch(`/partner/${org.slug}`)).status, 200);
  assert.equal((await b.fetch("/partner/activity/export")).status, 401);
});
