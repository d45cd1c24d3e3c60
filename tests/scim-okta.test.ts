/**
 * The requests Okta sends when it provisions, updates, deactivates, reactivates and (with
 * "Deactivate Users" then removal) deletes a user, as its SCIM 2.0 protocol reference and its
 * SCIM test suite (Runscope) show them, run through the real route handlers.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { activity, partnerUser } from "@/db/schema";
import { databaseKind } from "./helpers/db";
import { SCIM_CONTENT, scim, setupScim } from "./helpers/scim";

const ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
const LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
const USER = "urn:ietf:params:scim:schemas:core:2.0:User";

describe(`SCIM: the Okta sequence (${databaseKind})`, () => {
  let database: Database;
  let orgA: string;
  let token: string;
  let id: string;
  const get = (path: string) => scim("GET", `${orgA}/${path}`, { token });
  before(async () => {
    ({ database, orgA, tokenA: token } = await setupScim());
  });
  after(async () => {
    await database.close();
  });

  test("1. Okta asks whether the user exists (userName filter with startIndex and count): an empty list", async () => {
    const res = await get(`Users?filter=${encodeURIComponent('userName eq "test.user@okta.local"')}&startIndex=1&count=100`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /^application\/scim\+json/);
    assert.deepEqual(res.body, { schemas: [LIST], totalResults: 0, startIndex: 1, itemsPerPage: 0, Resources: [] });
  });

  test("2. POST /Users creates the user (Okta's body: password, locale and groups included) and answers 201", async () => {
    const res = await scim("POST", `${orgA}/Users`, {
      token,
      body: {
        schemas: [USER],
        userName: "test.user@okta.local",
        name: { givenName: "Test", familyName: "User" },
        emails: [{ primary: true, value: "test.user@okta.local", type: "work" }],
        displayName: "Test User",
        locale: "en-US",
        externalId: "00ujl29u0le5T6Aj10h7",
        groups: [],
        password: "1mz050nq",
        active: true,
      },
    });
    assert.equal(res.status, 201, res.text);
    id = res.body.id;
    assert.equal(res.headers.get("location"), `http://localhost:3000/api/scim/v2/${orgA}/Users/${id}`);
    assert.equal(res.headers.get("etag"), res.body.meta.version);
    assert.equal(res.body.userName, "test.user@okta.local");
    assert.deepEqual(res.body.name, { givenName: "Test", familyName: "User", formatted: "Test User" });
    assert.equal(res.body.displayName, "Test User");
    assert.equal(res.body.externalId, "00ujl29u0le5T6Aj10h7");
    assert.equal(res.body.active, true);
    assert.deepEqual(res.body.emails, [{ value: "test.user@okta.local", type: "work", primary: true }]);
    assert.equal(res.body.meta.resourceType, "User");
    assert.equal("password" in res.body, false, "a password is never returned (nor kept)");
    const [row] = await database.db.select().from(partnerUser).where(eq(partnerUser.id, id));
    assert.equal(row!.passwordHash, null);
    assert.equal(row!.role, "admin", "the organisation's first user is its Admin, as everywhere");
    const [audit] = await database.db.select().from(activity).where(and(eq(activity.targetId, id), eq(activity.action, "partner_user.created")));
    assert.equal(audit!.actorKind, "scim_token");
    assert.equal(audit!.partnerOrgId, orgA);
    assert.match(audit!.actorLabel!, /^SCIM token "Okta" \(…/);
  });

  test("Runscope: the same user again is 409 uniqueness; the userName filter ignores case; an unknown id is 404", async () => {
    const again = await scim("POST", `${orgA}/Users`, { token, body: { schemas: [USER], userName: "test.user@okta.local", emails: [{ value: "test.user@okta.local", primary: true }] } });
    assert.equal(again.status, 409);
    assert.deepEqual(again.body.schemas, [ERROR]);
    assert.equal(again.body.status, "409");
    assert.equal(again.body.scimType, "uniqueness");
    const upper = await get(`Users?filter=${encodeURIComponent('userName eq "TEST.USER@OKTA.LOCAL"')}`);
    assert.equal(upper.body.totalResults, 1);
    assert.equal(upper.body.Resources[0].id, id);
    const missing = await get("Users/010759cd-5e3b-4d1b-9a3e-8b2bc0a4f000");
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.body.schemas, [ERROR]);
    assert.equal(missing.body.status, "404");
    assert.equal(typeof missing.body.detail, "string");
  });

  test("Runscope: GET /Users?count=1&startIndex=1 pages the list", async () => {
    const res = await get("Users?count=1&startIndex=1");
    assert.equal(res.body.totalResults, 1);
    assert.equal(res.body.itemsPerPage, 1);
    assert.equal(res.body.Resources[0].userName, "test.user@okta.local");
  });

  test("3. GET /Users/{id} returns the user", async () => {
    const res = await get(`Users/${id}`);
    assert.equal(res.status, 200);
    assert.equal(res.body.id, id);
    assert.equal(res.headers.get("etag"), res.body.meta.version);
  });

  test("4. PUT /Users/{id} with Okta's whole profile updates the name", async () => {
    const current = (await get(`Users/${id}`)).body;
    const res = await scim("PUT", `${orgA}/Users/${id}`, {
      token,
      body: { ...current, name: { givenName: "Another", familyName: "User" }, displayName: "Another User", locale: "en-US", groups: [] },
    });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.name.givenName, "Another");
    assert.equal(res.body.displayName, "Another User");
    const [audit] = await database.db.select().from(activity).where(and(eq(activity.targetId, id), eq(activity.action, "partner_user.updated")));
    assert.deepEqual(audit!.change, { before: { name: "Test User", firstName: "Test" }, after: { name: "Another User", firstName: "Another" }, email: "test.user@okta.local" });
  });

  test("5. PATCH replace {active: false} (no path) suspends the user and ends their sessions", async () => {
    const [before] = await database.db.select().from(partnerUser).where(eq(partnerUser.id, id));
    const res = await scim("PATCH", `${orgA}/Users/${id}`, {
      token,
      body: { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "replace", value: { active: false } }] },
    });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.active, false);
    const [row] = await database.db.select().from(partnerUser).where(eq(partnerUser.id, id));
    assert.ok(row!.suspendedAt);
    assert.equal(row!.sessionVersion, before!.sessionVersion + 1);
    const filtered = await get(`Users?filter=${encodeURIComponent('userName eq "test.user@okta.local"')}`);
    assert.equal(filtered.body.Resources[0].active, false, "a deactivated user is still found, with active false");
  });

  test("6. PATCH replace {active: true} restores them", async () => {
    const res = await scim("PATCH", `${orgA}/Users/${id}`, {
      token,
      body: { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "replace", value: { active: true } }] },
    });
    assert.equal(res.body.active, true);
    const actions = (await database.db.select({ a: activity.action }).from(activity).where(eq(activity.targetId, id))).map((r) => r.a);
    assert.ok(actions.includes("partner_user.suspended") && actions.includes("partner_user.restored"));
  });

  test("7. DELETE /Users/{id} answers 204 and the user is gone (404 after)", async () => {
    const res = await scim("DELETE", `${orgA}/Users/${id}`, { token });
    assert.equal(res.status, 204);
    assert.equal(res.text, "");
    assert.equal((await get(`Users/${id}`)).status, 404);
    assert.equal((await database.db.select().from(partnerUser).where(eq(partnerUser.id, id))).length, 0);
  });

  test("requests sent as application/json are accepted too", async () => {
    const res = await scim("POST", `${orgA}/Users`, {
      token,
      headers: { "content-type": "application/json" },
      body: { schemas: [USER], userName: "json.user@okta.local", active: true },
    });
    assert.equal(res.status, 201);
    assert.equal(res.headers.get("content-type")?.startsWith(SCIM_CONTENT), true);
  });
});
