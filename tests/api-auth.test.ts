import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { count, eq } from "drizzle-orm";
import { SignJWT, UnsecuredJWT } from "jose";
import type { Database } from "@/db";
import { activity, apiClient, partnerOrg } from "@/db/schema";
import { GET as listOrgs } from "@/app/api/partner-management/partner-organisations/route";
import { POST as createOrg } from "@/app/api/partner-management/partner-organisation/route";
import { DELETE as deleteOrg, POST as createUser, PUT as updateOrg } from "@/app/api/partner-management/partner-organisation/[partnerOrganisationId]/route";
import { GET as listUsers } from "@/app/api/partner-management/partner-organisation/[partnerOrganisationId]/users/route";
import { DELETE as deleteUser } from "@/app/api/partner-management/partner-organisation/[partnerOrganisationId]/[partnerUserId]/route";
import { POST as tokenRoute } from "@/app/api/oauth/token/route";
import { systemActor, type Actor } from "@/lib/auth/actor";
import { accessTokenKey, TOKEN_AUDIENCE, tokenIssuer } from "@/lib/api/access-tokens";
import { createApiClient, ensureInitialApiClient, revokeApiClient } from "@/lib/api-clients/api-clients";
import { DomainError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { databaseKind } from "./helpers/db";
import { call, getToken, setupApi } from "./helpers/api";

const ORG_ID = "0190a0a0-0000-7000-8000-000000000001";
/** Every operation, each with a body that would succeed if authenticated. */
const OPERATIONS = [
  { name: "list orgs", route: listOrgs, method: "GET" },
  { name: "create org", route: createOrg, method: "POST", body: { name: "Never", zuoraAccountId: "N", isZuoraInvoiceOwner: true } },
  { name: "update org", route: updateOrg, method: "PUT", body: { name: "Never" }, params: { partnerOrganisationId: ORG_ID } },
  { name: "delete org", route: deleteOrg, method: "DELETE", params: { partnerOrganisationId: ORG_ID } },
  { name: "create user", route: createUser, method: "POST", body: { email: "never@example.com" }, params: { partnerOrganisationId: ORG_ID } },
  { name: "list users", route: listUsers, method: "GET", params: { partnerOrganisationId: ORG_ID } },
  { name: "delete user", route: deleteUser, method: "DELETE", params: { partnerOrganisationId: ORG_ID, partnerUserId: ORG_ID } },
] as const;

function tokenRequest(body: Record<string, string> | string, headers: Record<string, string> = {}) {
  return tokenRoute(
    new Request("http://localhost/api/oauth/token", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      body: typeof body === "string" ? body : new URLSearchParams(body),
    }),
  );
}

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString("base64")}`;

describe(`REST API authentication (${databaseKind})`, () => {
  let database: Database;
  let clientId: string;
  let secret: string;
  let token: string;
  before(async () => {
    ({ database, clientId, secret, token } = await setupApi());
  });
  after(async () => {
    await database.close();
  });

  test("token endpoint: form body and HTTP Basic both work; the answer is not cached", async () => {
    for (const res of [
      await tokenRequest({ grant_type: "client_credentials", client_id: clientId, client_secret: secret }),
      await tokenRequest({ grant_type: "client_credentials" }, { authorization: basic(clientId, secret) }),
    ]) {
      assert.equal(res.status, 200);
      assert.equal(res.headers.get("cache-control"), "no-store");
      const body = (await res.json()) as Record<string, unknown>;
      assert.deepEqual(Object.keys(body).sort(), ["access_token", "expires_in", "token_type"]);
      assert.equal(body.token_type, "Bearer");
      assert.equal(body.expires_in, 900);
      const ok = await call(listOrgs, { token: body.access_token as string });
      assert.equal(ok.status, 200);
    }
    const [row] = await database.db.select().from(apiClient).where(eq(apiClient.id, clientId));
    assert.ok(row!.lastUsedAt);
  });

  test("token endpoint: wrong secret or unknown client is 401 invalid_client; wrong grant is 400", async () => {
    const cases: [Response, number, string][] = [
      [await tokenRequest({ grant_type: "client_credentials", client_id: clientId, client_secret: `${secret}x` }), 401, "invalid_client"],
      [await tokenRequest({ grant_type: "client_credentials", client_id: "nobody", client_secret: secret }), 401, "invalid_client"],
      [await tokenRequest({ grant_type: "client_credentials", client_id: "nul\u0000", client_secret: secret }), 401, "invalid_client"],
      [await tokenRequest({ grant_type: "client_credentials" }, { authorization: basic(clientId, "wrong") }), 401, "invalid_client"],
      [await tokenRequest({ grant_type: "client_credentials" }, { authorization: "Basic !!!" }), 401, "invalid_client"],
      [await tokenRequest({ grant_type: "client_credentials" }), 401, "invalid_client"],
      [await tokenRequest({ grant_type: "password", client_id: clientId, client_secret: secret }), 400, "unsupported_grant_type"],
      [await tokenRequest({ client_id: clientId, client_secret: secret }), 400, "invalid_request"],
      [await tokenRequest(`grant_type=client_credentials&grant_type=client_credentials&client_id=${clientId}&client_secret=${secret}`), 400, "invalid_request"],
      [await tokenRequest({ grant_type: "client_credentials", client_secret: secret }, { authorization: basic(clientId, secret) }), 400, "invalid_request"],
      [await tokenRequest("x".repeat(70_000)), 413, "invalid_request"],
    ];
    for (const [res, status, error] of cases) {
      assert.equal(res.status, status);
      assert.equal(res.headers.get("cache-control"), "no-store");
      const body = (await res.json()) as { error: string };
      assert.equal(body.error, error);
      if (status === 401) assert.match(res.headers.get("www-authenticate") ?? "", /^Basic/);
    }
  });

  test("every operation refuses a request without a token: 401, WWW-Authenticate: Bearer, nothing written", async () => {
    const orgsBefore = Number(((await database.db.select({ n: count() }).from(partnerOrg)) as [{ n: number }])[0].n);
    for (const op of OPERATIONS) {
      const res = await call(op.route, { method: op.method, body: "body" in op ? op.body : undefined, params: "params" in op ? op.params : {} });
      assert.equal(res.status, 401, op.name);
      assert.equal(res.headers.get("www-authenticate"), 'Bearer realm="partner-management"', op.name);
      assert.equal(typeof res.body.message, "string", op.name);
      assert.deepEqual(Object.keys(res.body), ["message"], op.name);
    }
    const orgsAfter = Number(((await database.db.select({ n: count() }).from(partnerOrg)) as [{ n: number }])[0].n);
    assert.equal(orgsAfter, orgsBefore);
  });

  test("the 401 matrix: garbage, alg none, tampered, wrong algorithm, expired, wrong issuer or audience", async () => {
    const key = await accessTokenKey();
    const now = Math.floor(Date.now() / 1000);
    const signed = (claims: Record<string, unknown>, alg = "HS256", signKey: Uint8Array = key) =>
      new SignJWT({ iss: tokenIssuer(), aud: TOKEN_AUDIENCE, sub: clientId, iat: now, exp: now + 600, ...claims }).setProtectedHeader({ alg }).sign(signKey);
    const [head, payload, signature] = token.split(".") as [string, string, string];
    const flipped = signature.slice(0, -2) + (signature.at(-2) === "A" ? "B" : "A") + signature.at(-1);
    const otherPayload = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, "base64url").toString()), sub: "someone-else" })).toString("base64url");
    const bad: [string, string][] = [
      ["garbage", "not-a-jwt"],
      ["three garbage parts", "a.b.c"],
      ["alg none", new UnsecuredJWT({ sub: clientId, iss: tokenIssuer(), aud: TOKEN_AUDIENCE }).setIssuedAt().setExpirationTime("10m").encode()],
      ["alg none with a signature", `${Buffer.from('{"alg":"none"}').toString("base64url")}.${payload}.${signature}`],
      ["tampered signature", `${head}.${payload}.${flipped}`],
      ["tampered payload", `${head}.${otherPayload}.${signature}`],
      ["HS512 with the right key", await signed({}, "HS512")],
      ["signed with another key", await signed({}, "HS256", new Uint8Array(32).fill(7))],
      ["expired", await signed({ iat: now - 3600, exp: now - 60 })],
      ["no exp", await new SignJWT({ iss: tokenIssuer(), aud: TOKEN_AUDIENCE, sub: clientId }).setProtectedHeader({ alg: "HS256" }).setIssuedAt().sign(key)],
      ["wrong issuer", await signed({ iss: "https://evil.example" })],
      ["wrong audience", await signed({ aud: "another-api" })],
      ["unknown client", await signed({ sub: "pmc_unknown" })],
    ];
    assert.equal((await call(listOrgs, { token: await signed({}) })).status, 200, "the control token is accepted");
    for (const [name, t] of bad) {
      for (const op of OPERATIONS) {
        const res = await call(op.route, { method: op.method, token: t, body: "body" in op ? op.body : undefined, params: "params" in op ? op.params : {} });
        assert.equal(res.status, 401, `${name} / ${op.name}`);
        assert.match(res.headers.get("www-authenticate") ?? "", /^Bearer realm="partner-management", error="invalid_token"/, name);
        assert.deepEqual(Object.keys(res.body), ["message"]);
      }
    }
    for (const header of ["Basic abc", "Bearer", "Bearer a b", "token abc"]) {
      const res = await call(listOrgs, { headers: { authorization: header } });
      assert.equal(res.status, 401, header);
      assert.match(res.headers.get("www-authenticate") ?? "", /error="invalid_token"/);
    }
  });

  test("revoking a client stops its tokens at once, and it cannot get new ones", async () => {
    const { client, secret: s } = await createApiClient(database.db, systemActor, { name: "to revoke" });
    const t = await getToken(client.id, s);
    assert.equal((await call(listOrgs, { token: t })).status, 200);
    await revokeApiClient(database.db, systemActor, client.id);
    for (const op of OPERATIONS) {
      const res = await call(op.route, { method: op.method, token: t, body: "body" in op ? op.body : undefined, params: "params" in op ? op.params : {} });
      assert.equal(res.status, 401, op.name);
      assert.match(res.headers.get("www-authenticate") ?? "", /error="invalid_token"/);
    }
    const again = await tokenRequest({ grant_type: "client_credentials", client_id: client.id, client_secret: s });
    assert.equal(again.status, 401);
    assert.equal(((await again.json()) as { error: string }).error, "invalid_client");
    assert.equal((await call(listOrgs, { token })).status, 200, "other clients are unaffected");
  });

  test("the partner list checks its client in the same statement as the page: revoked is 401 on every kind of page, before a bad query string", async () => {
    const { client, secret: s } = await createApiClient(database.db, systemActor, { name: "list revoke" });
    const t = await getToken(client.id, s);
    for (const name of ["List Revoke One", "List Revoke Two"]) {
      const created = await call(createOrg, { method: "POST", token: t, body: { name, zuoraAccountId: "A1", isZuoraInvoiceOwner: true } });
      assert.equal(created.status, 200);
    }
    const first = await call(listOrgs, { token: t, path: "/partner-management/partner-organisations?limit=1" });
    assert.equal(first.status, 200);
    const cursor = first.body.queryMore as string;
    assert.ok(cursor, "more than one organisation, so a next page");
    const pages = [
      "/partner-management/partner-organisations",
      `/partner-management/partner-organisations?limit=1&queryMore=${cursor}`,
      // An empty page: the cursor of the last organisation there is.
      `/partner-management/partner-organisations?queryMore=${Buffer.from(JSON.stringify(["\uffff"])).toString("base64url")}`,
    ];
    const before = await Promise.all(pages.map((path) => call(listOrgs, { token: t, path })));
    assert.deepEqual(before.map((r) => r.status), [200, 200, 200]);
    assert.deepEqual(before[2]!.body, { items: [] }, "an empty page has no items and no queryMore");
    const bad = ["?limit=0", "?queryMore=not-a-cursor"].map((q) => `/partner-management/partner-organisations${q}`);
    for (const path of bad) assert.equal((await call(listOrgs, { token: t, path })).status, 400, path);
    await revokeApiClient(database.db, systemActor, client.id);
    for (const path of [...pages, ...bad]) {
      const res = await call(listOrgs, { token: t, path });
      assert.equal(res.status, 401, path);
      assert.match(res.headers.get("www-authenticate") ?? "", /error="invalid_token"/, path);
      assert.deepEqual(Object.keys(res.body), ["message"], path);
    }
  });

  test("API clients: random secrets stored only as hashes, activity recorded, viewers refused", async () => {
    const { client, secret: s } = await createApiClient(database.db, systemActor, { name: "hash check" });
    assert.ok(Buffer.from(s.replace(/^pmsec_/, ""), "base64url").length >= 16, "at least 128 random bits");
    const [row] = await database.db.select().from(apiClient).where(eq(apiClient.id, client.id));
    // A 256-bit random secret needs no slow hash: HMAC-SHA-256 keyed from the auth secret.
    assert.match(row!.secretHash, /^hmac-sha256:[0-9a-f]{64}$/);
    assert.ok(!row!.secretHash.includes(s));
    assert.ok(!("secretHash" in client));
    const other = await createApiClient(database.db, systemActor, { name: "hash check 2" });
    assert.notEqual(other.secret, s);
    const viewer: Actor = { kind: "admin", id: "v", role: "viewer", label: "viewer@example.com" };
    await assert.rejects(createApiClient(database.db, viewer, { name: "no" }), (e: unknown) => e instanceof DomainError && e.code === "forbidden");
    await assert.rejects(revokeApiClient(database.db, viewer, client.id), (e: unknown) => e instanceof DomainError && e.code === "forbidden");
    const apiActor: Actor = { kind: "api_client", id: clientId, label: "api" };
    await assert.rejects(createApiClient(database.db, apiActor, { name: "no" }), (e: unknown) => e instanceof DomainError && e.code === "forbidden");
    await revokeApiClient(database.db, systemActor, client.id);
    await revokeApiClient(database.db, systemActor, client.id);
    const actions = (await database.db.select().from(activity).where(eq(activity.targetId, client.id))).map((a) => a.action).sort();
    assert.deepEqual(actions, ["api_client.created", "api_client.revoked"]);
  });

  test("finding 2: a secret stored as Argon2 by an earlier version still works, and is re-stored as HMAC on use", async () => {
    const { client, secret: s } = await createApiClient(database.db, systemActor, { name: "legacy argon2" });
    await database.db.update(apiClient).set({ secretHash: await hashPassword(s) }).where(eq(apiClient.id, client.id));
    const wrong = await tokenRequest({ grant_type: "client_credentials", client_id: client.id, client_secret: `${s}x` });
    assert.equal(wrong.status, 401);
    const [still] = await database.db.select().from(apiClient).where(eq(apiClient.id, client.id));
    assert.match(still!.secretHash, /^\$argon2id\$/, "a wrong secret re-stores nothing");
    const res = await tokenRequest({ grant_type: "client_credentials", client_id: client.id, client_secret: s });
    assert.equal(res.status, 200);
    const [row] = await database.db.select().from(apiClient).where(eq(apiClient.id, client.id));
    assert.match(row!.secretHash, /^hmac-sha256:[0-9a-f]{64}$/);
    assert.equal((await tokenRequest({ grant_type: "client_credentials", client_id: client.id, client_secret: s })).status, 200, "and works as HMAC");
  });

  test("finding 2: INITIAL_API_CLIENT_SECRET shorter than 32 characters (or repetitive) is refused", async () => {
    process.env.INITIAL_API_CLIENT_ID = "weak-initial-client";
    try {
      for (const weak of ["short-secret-0123456789", "a".repeat(40), "abcd".repeat(10)]) {
        process.env.INITIAL_API_CLIENT_SECRET = weak;
        await assert.rejects(ensureInitialApiClient(database.db), /INITIAL_API_CLIENT_SECRET.*openssl rand -base64 32/);
      }
      const rows = await database.db.select().from(apiClient).where(eq(apiClient.id, "weak-initial-client"));
      assert.equal(rows.length, 0);
    } finally {
      delete process.env.INITIAL_API_CLIENT_ID;
      delete process.env.INITIAL_API_CLIENT_SECRET;
    }
  });

  test("INITIAL_API_CLIENT_ID/SECRET create that client once; a revoked one stays revoked", async () => {
    process.env.INITIAL_API_CLIENT_ID = "initial-client";
    process.env.INITIAL_API_CLIENT_SECRET = "initial-client-secret-0123456789";
    try {
      await ensureInitialApiClient(database.db);
      await ensureInitialApiClient(database.db);
      const rows = await database.db.select().from(apiClient).where(eq(apiClient.id, "initial-client"));
      assert.equal(rows.length, 1);
      const t = await getToken("initial-client", "initial-client-secret-0123456789");
      assert.equal((await call(listOrgs, { token: t })).status, 200);
      await revokeApiClient(database.db, systemActor, "initial-client");
      await ensureInitialApiClient(database.db);
      const [row] = await database.db.select().from(apiClient).where(eq(apiClient.id, "initial-client"));
      assert.ok(row!.revokedAt);
    } finally {
      delete process.env.INITIAL_API_CLIENT_ID;
      delete process.env.INITIAL_API_CLIENT_SECRET;
    }
  });
});
