/** Every way a SCIM request can fail: the RFC 7644 §3.12 body, the right status and scimType, nothing written. */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { count } from "drizzle-orm";
import type { Database } from "@/db";
import { activity, partnerUser } from "@/db/schema";
import { createPartnerUser } from "@/lib/partners/users";
import { createScimToken, listScimTokens, revokeScimToken } from "@/lib/scim/tokens";
import { databaseKind } from "./helpers/db";
import { portalOwner, scim, setupScim, type ScimResponse } from "./helpers/scim";

const ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

function assertError(res: ScimResponse, status: number, scimType?: string, label = "") {
  assert.equal(res.status, status, `${label}: ${res.text}`);
  assert.match(res.headers.get("content-type") ?? "", /^application\/scim\+json/, label);
  assert.deepEqual(res.body.schemas, [ERROR], label);
  assert.equal(res.body.status, String(status), label);
  assert.equal(res.body.scimType, scimType, label);
  assert.equal(typeof res.body.detail, "string", label);
  assert.doesNotMatch(res.text, /\bat \w+ \(|select |insert |postgres/i, `${label}: no stack or SQL`);
}

describe(`SCIM errors (${databaseKind})`, () => {
  let database: Database;
  let orgA: string;
  let orgB: string;
  let tokenA: string;
  let tokenB: string;
  let userA: string;
  let userB: string;
  const rows = async () => Number(((await database.db.select({ n: count() }).from(partnerUser)) as [{ n: number }])[0].n);
  before(async () => {
    ({ database, orgA, orgB, tokenA, tokenB } = await setupScim());
    userA = (await createPartnerUser(database.db, portalOwner, orgA, { email: "first@a.example" })).id;
    userB = (await createPartnerUser(database.db, portalOwner, orgB, { email: "taken@b.example" })).id;
  });
  after(async () => {
    await database.close();
  });

  test("401 with WWW-Authenticate: no token, not Bearer, garbage, another partner's token, a bad path id", async () => {
    const cases: [string, string, Record<string, string>][] = [
      ["no token", `${orgA}/Users`, {}],
      ["basic", `${orgA}/Users`, { authorization: "Basic dXNlcjpwYXNz" }],
      ["garbage", `${orgA}/Users`, { authorization: "Bearer not-a-token" }],
      ["right prefix, wrong token", `${orgA}/Users`, { authorization: `Bearer pmscim_${"A".repeat(43)}` }],
      ["B's token on A's base URL", `${orgA}/Users`, { authorization: `Bearer ${tokenB}` }],
      ["B's token on A's user", `${orgA}/Users/${userA}`, { authorization: `Bearer ${tokenB}` }],
      ["A's token on a made-up org", `not-an-org/Users`, { authorization: `Bearer ${tokenA}` }],
      ["A's token on ServiceProviderConfig of B", `${orgB}/ServiceProviderConfig`, { authorization: `Bearer ${tokenA}` }],
    ];
    for (const [label, path, headers] of cases) {
      const res = await scim("GET", path, { headers });
      assertError(res, 401, undefined, label);
      assert.match(res.headers.get("www-authenticate") ?? "", /^Bearer realm="scim"/, label);
    }
  });

  test("a partner's token never reaches another partner's users: B's user is 404 through A's base URL", async () => {
    for (const method of ["GET", "PUT", "PATCH", "DELETE"]) {
      const body = method === "PUT" ? { schemas: [USER], userName: "taken@b.example" } : method === "PATCH" ? { schemas: [PATCH_OP], Operations: [{ op: "replace", value: { active: false } }] } : undefined;
      assertError(await scim(method, `${orgA}/Users/${userB}`, { token: tokenA, body }), 404, undefined, method);
    }
    const list = await scim("GET", `${orgA}/Users?filter=${encodeURIComponent('userName eq "taken@b.example"')}`, { token: tokenA });
    assert.equal(list.body.totalResults, 0);
  });

  test("a revoked token is refused at once; the partner's other tokens keep working", async () => {
    const second = await createScimToken(database.db, portalOwner, orgA, { description: "to revoke" });
    assert.equal((await scim("GET", `${orgA}/Users`, { token: second.token })).status, 200);
    await revokeScimToken(database.db, portalOwner, orgA, second.row.id);
    assertError(await scim("GET", `${orgA}/Users`, { token: second.token }), 401, undefined, "revoked");
    assert.equal((await scim("GET", `${orgA}/Users`, { token: tokenA })).status, 200);
    assert.equal((await listScimTokens(database.db, portalOwner, orgA)).find((t) => t.id === second.row.id)?.revokedAt instanceof Date, true);
  });

  test("POST: bad bodies are 400 with the right scimType, a used email is 409 uniqueness; nothing is written", async () => {
    const before = await rows();
    const auditBefore = Number(((await database.db.select({ n: count() }).from(activity)) as [{ n: number }])[0].n);
    const cases: [string, { body?: unknown; rawBody?: string }, number, string | undefined][] = [
      ["not JSON", { rawBody: "{nope" }, 400, "invalidSyntax"],
      ["an array", { rawBody: "[]" }, 400, "invalidSyntax"],
      ["empty", { rawBody: "" }, 400, "invalidSyntax"],
      ["no userName", { body: { schemas: [USER], emails: [{ value: "x@a.example" }] } }, 400, "invalidValue"],
      ["userName not an email and no emails", { body: { schemas: [USER], userName: "bjensen" } }, 400, "invalidValue"],
      ["a bad email", { body: { schemas: [USER], userName: "u1", emails: [{ value: "not-an-email", primary: true }] } }, 400, "invalidValue"],
      ["a phone without country code", { body: { schemas: [USER], userName: "p@a.example", phoneNumbers: [{ value: "555-0100", type: "work" }] } }, 400, "invalidValue"],
      ["an unknown role", { body: { schemas: [USER], userName: "r@a.example", roles: [{ value: "superuser", primary: true }] } }, 400, "invalidValue"],
      ["active as a word", { body: { schemas: [USER], userName: "w@a.example", active: "maybe" } }, 400, "invalidValue"],
      ["a NUL character", { body: { schemas: [USER], userName: "n\u0000@a.example" } }, 400, "invalidValue"],
      ["an email of another partner's user", { body: { schemas: [USER], userName: "TAKEN@b.example" } }, 409, "uniqueness"],
      ["an email of this partner's user", { body: { schemas: [USER], userName: "other-name", emails: [{ value: "first@a.example" }] } }, 409, "uniqueness"],
      ["too large", { rawBody: JSON.stringify({ userName: "big@a.example", x: "y".repeat(70_000) }) }, 413, undefined],
    ];
    for (const [label, opts, status, type] of cases) assertError(await scim("POST", `${orgA}/Users`, { token: tokenA, ...opts }), status, type, label);
    assert.equal(await rows(), before);
    const auditAfter = Number(((await database.db.select({ n: count() }).from(activity)) as [{ n: number }])[0].n);
    assert.equal(auditAfter, auditBefore);
  });

  test("GET list: a filter that does not parse or is not supported is 400 invalidFilter; bad paging values are 400", async () => {
    for (const f of ['userName eq', 'userName eq "x" and', "title pr", 'meta.lastModified gt "2011-05-13T04:42:34Z"', 'name.familyName co "O\'Malley"', 'userName gt "a"']) {
      assertError(await scim("GET", `${orgA}/Users?filter=${encodeURIComponent(f)}`, { token: tokenA }), 400, "invalidFilter", f);
    }
    assertError(await scim("GET", `${orgA}/Users?startIndex=abc`, { token: tokenA }), 400, "invalidValue", "startIndex");
    assertError(await scim("GET", `${orgA}/Users?count=1.5`, { token: tokenA }), 400, "invalidValue", "count");
  });

  test("PATCH: malformed requests, read-only attributes, missing targets, a used email", async () => {
    const path = `${orgA}/Users/${userA}`;
    const op = (...Operations: unknown[]) => ({ schemas: [PATCH_OP], Operations });
    const cases: [string, unknown, number, string | undefined][] = [
      ["no PatchOp schema", { schemas: [USER], Operations: [{ op: "replace", value: { active: false } }] }, 400, "invalidSyntax"],
      ["no operations", op(), 400, "invalidSyntax"],
      ["an unknown op", op({ op: "move", path: "userName", value: "x" }), 400, "invalidSyntax"],
      ["replace id", op({ op: "replace", path: "id", value: "x" }), 400, "mutability"],
      ["replace meta", op({ op: "replace", path: "meta.created", value: "2020-01-01" }), 400, "mutability"],
      ["id in a path-less value", op({ op: "replace", value: { id: "x" } }), 400, "mutability"],
      ["remove without a path", op({ op: "remove" }), 400, "noTarget"],
      ["a broken filter in the path", op({ op: "replace", path: "emails[type eq].value", value: "x@a.example" }), 400, "invalidPath"],
      ["active as a word", op({ op: "replace", path: "active", value: "perhaps" }), 400, "invalidValue"],
      ["another partner's email", op({ op: "replace", path: 'emails[type eq "work"].value', value: "taken@b.example" }), 409, "uniqueness"],
    ];
    for (const [label, body, status, type] of cases) assertError(await scim("PATCH", path, { token: tokenA, body }), status, type, label);
  });

  test("PUT: an id that is not the URL's is mutability; a stale If-Match is 412; an unknown id is 404", async () => {
    const current = (await scim("GET", `${orgA}/Users/${userA}`, { token: tokenA })).body;
    assertError(await scim("PUT", `${orgA}/Users/${userA}`, { token: tokenA, body: { ...current, id: userB } }), 400, "mutability", "id");
    assertError(await scim("PUT", `${orgA}/Users/${userA}`, { token: tokenA, body: current, headers: { "if-match": 'W/"1"' } }), 412, undefined, "if-match");
    const ok = await scim("PUT", `${orgA}/Users/${userA}`, { token: tokenA, body: current, headers: { "if-match": current.meta.version } });
    assert.equal(ok.status, 200);
    assertError(await scim("PUT", `${orgA}/Users/0190a0a0-0000-7000-8000-000000000009`, { token: tokenA, body: current }), 404, undefined, "unknown");
    assertError(await scim("GET", `${orgA}/Users/not-a-uuid`, { token: tokenA }), 404, undefined, "not a uuid");
  });

  test("discovery: an unknown resource type or schema is 404", async () => {
    assertError(await scim("GET", `${orgA}/ResourceTypes/Role`, { token: tokenA }), 404, undefined, "resource type");
    assertError(await scim("GET", `${orgA}/Groups/owners`, { token: tokenA }), 404, undefined, "group");
    assertError(await scim("GET", `${orgA}/Schemas/urn:nope`, { token: tokenA }), 404, undefined, "schema");
  });
});
