/**
 * Issue 11, findings 6 and 9: "Forgot password?" cannot be silenced by an attacker asking for the
 * victim's resets over and over (the live link is mailed again, at most one mail per account every
 * 2 minutes, and each address has a cap), and portal admins have it too (an expired invitation
 * is no dead end).
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { sql } from "drizzle-orm";
import { openDatabase, type Database } from "@/db";
import { describeLink } from "@/lib/password-links/links";
import { linksTo, tokenOf } from "../helpers/outbox";
import { Client } from "./client";
import { freshPgDatabase, serverActions, startApp, type AppServer } from "./server";
import { makeAdmin, makeOrg, makePartnerUser, uniq } from "./world";

let pg: Awaited<ReturnType<typeof freshPgDatabase>>;
let database: Database;
let app: AppServer;

before(async () => {
  pg = await freshPgDatabase();
  database = await openDatabase({ url: pg.url, max: 3 });
  app = await startApp({ port: 3670, env: { DATABASE_URL: pg.url } });
});
after(async () => {
  await app?.stop();
  await database?.close();
  await pg?.drop();
});

const actionId = (name: string) => serverActions().find((a) => a.key.endsWith(`#${name}`))!.id;

/** Waits until the app's outbox worker has written `n` reset mails to `to` (or a few seconds passed). */
async function resetLinks(to: string, n: number): Promise<string[]> {
  for (let i = 0; i < 50; i++) {
    const links = linksTo(app.outbox, to, "reset-password");
    if (links.length >= n) return links;
    await new Promise((r) => setTimeout(r, 100));
  }
  return linksTo(app.outbox, to, "reset-password");
}

test("finding 6: an attacker's flood of reset requests leaves the victim one working link, and the victim's own request mails it again", async () => {
  const org = await makeOrg(database);
  const victim = await makePartnerUser(database, org.id, "viewer");
  const anyone = new Client(app.base);
  const reset = actionId("requestPasswordResetAction");
  for (let i = 0; i < 8; i++) assert.equal((await anyone.action(reset, "/partner/forgot-password", [{ email: victim.email }])).result?.ok, true);
  const first = await resetLinks(victim.email, 1);
  await new Promise((r) => setTimeout(r, 1000));
  assert.equal(linksTo(app.outbox, victim.email, "reset-password").length, 1, "one mail per account per 2 minutes, not one per request");
  assert.equal((await describeLink(database.db, tokenOf(first[0]!), "reset")).state, "valid");

  // Two minutes on (the window moved back rather than waited for), the victim asks: the link in
  // their inbox is mailed again, still working; the attacker's requests minted nothing new.
  await database.db.execute(sql`update rate_limit set window_start = window_start - interval '121 seconds' where key = ${`reset:partner_user:${victim.email.toLowerCase()}`}`);
  assert.equal((await new Client(app.base).action(reset, "/partner/forgot-password", [{ email: victim.email }])).result?.ok, true);
  const again = await resetLinks(victim.email, 2);
  assert.equal(again.length, 2);
  assert.equal(again[1], again[0], "the live link, not a new one");
  const set = await new Client(app.base).action(actionId("setPasswordAction"), "/", [{ token: tokenOf(again[1]!), purpose: "reset", password: "victim's new password", confirm: "victim's new password" }]);
  assert.equal(set.result?.ok, true, set.text.slice(0, 200));

  // The per-address cap: 20 requests an hour from one address, over any emails.
  const refused = [];
  for (let i = 0; i < 15; i++) refused.push((await anyone.action(reset, "/partner/forgot-password", [{ email: `${uniq("x")}@nowhere.example` }])).result);
  assert.ok(refused.some((r) => r?.ok === false && /Too many requests from your network/.test(r.message ?? "")), "the address is capped");
});

test("finding 9: a portal admin whose invitation expired gets a reset link from \"Forgot password?\" on the admin sign-in page", async () => {
  await database.db.execute(sql`delete from rate_limit where key like 'reset-addr:%'`);
  const signIn = await (await fetch(`${app.base}/`)).text();
  assert.match(signIn, /href="\/forgot-password"[^>]*>Forgot password\?/);
  assert.equal((await fetch(`${app.base}/forgot-password`)).status, 200);
  const admin = await makeAdmin(database, "admin", false); // invited, never set a password
  const call = await new Client(app.base).action(actionId("requestAdminPasswordResetAction"), "/forgot-password", [{ email: admin.email }]);
  assert.equal(call.result?.ok, true, call.text.slice(0, 200));
  const [link] = await resetLinks(admin.email, 1);
  assert.ok(link, "a reset mail to the admin");
  const described = await describeLink(database.db, tokenOf(link), "reset");
  assert.equal(described.state, "valid");
  assert.equal(described.kind, "admin");
  const set = await new Client(app.base).action(actionId("setPasswordAction"), "/", [{ token: tokenOf(link), purpose: "reset", password: "the admin's own password", confirm: "the admin's own password" }]);
  assert.deepEqual(set.result?.data, { redirectTo: "/?password=set" });
  assert.ok(await new Client(app.base).signIn("admin", admin.email, "the admin's own password"));
});
