/**
 * SCIM over HTTP against the built app: a directory suspends a signed-in partner user (their session
 * ends at once, sign-in is refused, restoring lets them back), a token never crosses partners, and
 * random bodies never cause a 500 nor write when refused.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { activity, partnerUser } from "@/db/schema";
import { Client } from "./client";
import { rowsOf } from "@/db";
import { makePartnerUser, makeWorld, PASSWORD, type World } from "./world";

let w: World;
before(async () => {
  w = await makeWorld(3636);
});
after(async () => {
  await w?.drop();
});

const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

/** The users and the audit trail (token "last used" may move on any authenticated request). */
async function fingerprint(): Promise<string> {
  const [row] = rowsOf<{ h: string }>(
    await w.database.db.execute(sql`select md5(coalesce(string_agg(u::text, '|' order by u.id), '')) || ':' || (select count(*) from activity) as h from partner_user u`),
  );
  return row!.h;
}

function scim(method: string, path: string, body?: unknown, token = w.scim.valid): Promise<Response> {
  return fetch(`${w.app.base}/api/scim/v2/${w.orgA.id}/${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/scim+json" }) },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** NextAuth's answer to a credentials sign-in (the URL it sends the browser to): its error code, if any. */
async function signInError(email: string): Promise<string | null> {
  const c = new Client(w.app.base);
  const csrf = (await (await c.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await c.fetch("/api/auth/callback/partner", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken: csrf.csrfToken, email, password: PASSWORD, json: "true" }),
  });
  const { url } = (await res.json()) as { url: string };
  return new URL(url, w.app.base).searchParams.get("error");
}

test("a directory's active:false ends a signed-in partner user's session at once and refuses their sign-in; active:true lets them back", async () => {
  const user = await makePartnerUser(w.database, w.orgA.id, "viewer");
  const browser = new Client(w.app.base);
  assert.ok(await browser.signIn("partner", user.email, PASSWORD));
  // /partner redirects a signed-in partner user to /partner/<slug>: read the account page itself.
  const home = async () => (await (await browser.fetch(`/partner/${w.orgA.slug}`)).text()).includes(w.orgA.name);
  assert.ok(await home(), "signed in, the partner home shows the organisation");

  const off = await scim("PATCH", `Users/${user.id}`, { schemas: [PATCH_OP], Operations: [{ op: "replace", value: { active: false } }] });
  assert.equal(off.status, 200);
  assert.match(off.headers.get("content-type") ?? "", /^application\/scim\+json/);
  assert.equal(((await off.json()) as { active: boolean }).active, false);
  assert.equal(await home(), false, "the same session no longer reaches the partner pages");
  assert.equal(await signInError(user.email), "AccountSuspended");
  const [failed] = (await w.database.db.select().from(activity).where(eq(activity.targetId, user.id))).filter((e) => e.action === "partner_user.sign_in_failed");
  assert.deepEqual(failed!.change, { method: "password", reason: "suspended" });

  const on = await scim("PATCH", `Users/${user.id}`, { schemas: [PATCH_OP], Operations: [{ op: "Replace", path: "active", value: "True" }] });
  assert.equal(on.status, 200);
  assert.equal(await signInError(user.email), null);
  const again = new Client(w.app.base);
  assert.ok(await again.signIn("partner", user.email, PASSWORD));
});

test("a partner's token never reaches another partner; a revoked token is 401", async () => {
  const inB = await makePartnerUser(w.database, w.orgB.id, "viewer");
  const viaA = await scim("GET", `Users/${inB.id}`);
  assert.equal(viaA.status, 404);
  const onB = await fetch(`${w.app.base}/api/scim/v2/${w.orgB.id}/Users/${inB.id}`, { headers: { authorization: `Bearer ${w.scim.valid}` } });
  assert.equal(onB.status, 401);
  assert.match(onB.headers.get("www-authenticate") ?? "", /^Bearer realm="scim", error="invalid_token"/);
  const revoked = await scim("GET", "Users", undefined, w.scim.revoked);
  assert.equal(revoked.status, 401);
  const body = (await revoked.json()) as Record<string, unknown>;
  assert.deepEqual(Object.keys(body).sort(), ["detail", "schemas", "status"]);
  assert.equal(body.status, "401");
});

test("create, filter and delete over HTTP: 201 with Location, the user is found, then 204", async () => {
  const email = `http-${Date.now()}@scim.example`;
  const created = await scim("POST", "Users", { schemas: [USER], userName: email, name: { givenName: "Http", familyName: "User" } });
  assert.equal(created.status, 201);
  const { id } = (await created.json()) as { id: string };
  assert.equal(created.headers.get("location"), `${w.app.base}/api/scim/v2/${w.orgA.id}/Users/${id}`);
  const found = (await (await scim("GET", `Users?filter=${encodeURIComponent(`userName eq "${email.toUpperCase()}"`)}`)).json()) as { totalResults: number };
  assert.equal(found.totalResults, 1);
  assert.equal((await scim("DELETE", `Users/${id}`)).status, 204);
  assert.equal((await w.database.db.select().from(partnerUser).where(eq(partnerUser.id, id))).length, 0);
});

test("random bodies to POST, PUT and PATCH: never a 5xx, and a refused request writes nothing", async () => {
  const target = await makePartnerUser(w.database, w.orgA.id, "viewer");
  const value = fc.oneof(fc.string(), fc.constantFrom("", "\u0000", "False", "x@y", "+44 20 7946 0000", "<script>"), fc.integer(), fc.boolean(), fc.constant(null), fc.jsonValue({ maxDepth: 2 }));
  const userBody = fc.dictionary(fc.constantFrom("schemas", "userName", "emails", "name", "active", "roles", "phoneNumbers", "externalId", "id", "meta", "displayName", "x"), value);
  const patchBody = fc.record({
    schemas: fc.oneof(fc.constant([PATCH_OP]), fc.jsonValue()),
    Operations: fc.oneof(
      fc.array(fc.record({ op: fc.constantFrom("add", "Replace", "remove", "move", ""), path: fc.option(fc.constantFrom("active", "userName", 'emails[type eq "work"].value', "name.givenName", "roles", "id", "emails[", "meta.created"), { nil: undefined }), value }), { maxLength: 3 }),
      fc.jsonValue(),
    ),
  });
  const failures: string[] = [];
  const requests = fc.oneof(
    userBody.map((b) => ["POST", "Users", b] as const),
    userBody.map((b) => ["PUT", `Users/${target.id}`, b] as const),
    patchBody.map((b) => ["PATCH", `Users/${target.id}`, b] as const),
    fc.string({ maxLength: 100 }).map((raw) => ["POST", "Users", raw] as const),
  );
  await fc.assert(
    fc.asyncProperty(requests, async ([method, path, body]) => {
      const before = await fingerprint();
      const res = await scim(method, path, body);
      const text = await res.text();
      if (res.status >= 500) failures.push(`${method} ${path}: ${res.status} ${text.slice(0, 200)} for ${JSON.stringify(body).slice(0, 200)}`);
      if (res.status >= 400 && (await fingerprint()) !== before) failures.push(`${method} ${path}: ${res.status} but wrote, for ${JSON.stringify(body).slice(0, 200)}`);
      return failures.length === 0;
    }),
    { numRuns: Number(process.env.HOSTILE_RUNS || 30), seed: 17 },
  );
  assert.deepEqual(failures, []);
});
