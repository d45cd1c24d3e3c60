/**
 * A partner's OpenID Connect sign-in end to end at the protocol level: the start route, a real
 * provider (oidc-provider on loopback, its login and consent forms posted as a browser would) and
 * the callback route, with the attacks an answer can carry (replayed or foreign state, a forged
 * code, issuer or nonce, a PKCE verifier that does not match, the provider's errors).
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import { and, eq, sql } from "drizzle-orm";
import { setDatabaseForTests, type Database } from "@/db";
import { activity, partnerDomain, partnerSsoConnection, partnerUser, ssoRequest } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { seal } from "@/lib/crypto/sealed";
import { newId } from "@/lib/ids";
import { createPartnerOrg } from "@/lib/partners/orgs";
import { createPartnerUser } from "@/lib/partners/users";
import { ssoConnectionOf } from "@/lib/sso/connections";
import { oidcCallback, startSso } from "@/lib/sso/flow";
import { CLIENT_SECRET_PURPOSE, oidcRedirectUri } from "@/lib/sso/oidc";
import type { SsoTestResult } from "@/lib/sso/requests";
import { ssoRoute } from "@/lib/sso/route";
import { databaseKind, freshDatabase } from "./helpers/db";
import { freePort, startOidcProvider } from "./helpers/oidc-provider";
import { useTestOutbox } from "./helpers/outbox";
import { portalOwner } from "./helpers/scim";

const SECRET = "oidc-flow-client-secret-0123456789";
const CLIENT = "partner-oidc-flow";

/** A browser at the provider: follows its redirects with its cookies, posts its login and consent forms, stops at the app. */
async function signInAtProvider(authorizationUrl: string, login: string): Promise<URL> {
  const jar = new Map<string, string>();
  const send = async (url: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set("cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
    const res = await fetch(url, { ...init, headers, redirect: "manual" });
    for (const c of res.headers.getSetCookie()) {
      const pair = c.split(";")[0]!;
      jar.set(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
    }
    return res;
  };
  let url = authorizationUrl;
  let res = await send(url);
  for (let step = 0; step < 12; step++) {
    if (res.status >= 300 && res.status < 400) {
      const next = new URL(res.headers.get("location")!, url);
      if (next.pathname.startsWith("/api/sso/")) return next;
      url = next.href;
      res = await send(url);
      continue;
    }
    const html = await res.text();
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    assert.ok(prompt, `the provider shows a form (${res.status}): ${html.slice(0, 300)}`);
    const body = new URLSearchParams(prompt === "login" ? { prompt, login, password: "any" } : { prompt });
    res = await send(url, { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } });
  }
  throw new Error("the provider never sent the browser back");
}

describe(`SSO with OpenID Connect, start to callback (${databaseKind})`, () => {
  let database: Database;
  let orgA: string;
  let orgB: string;
  let provider: { issuer: string; close: () => Promise<void> };
  const db = () => database.db;
  const partnerAdminA: Actor = { kind: "partner_user", id: "pa", partnerOrgId: "", role: "admin", label: "pa" };
  const nobody = async () => null;
  const start = (orgId: string, query: Record<string, string> = {}, actor: () => Promise<Actor | null> = nobody) => startSso(db(), orgId, new URLSearchParams(query), actor);
  const callback = (orgId: string, url: URL) => oidcCallback(db(), orgId, url.searchParams);
  const location = (res: Response) => res.headers.get("location") ?? "";
  const setConnection = (values: Partial<typeof partnerSsoConnection.$inferInsert>) => db().update(partnerSsoConnection).set(values).where(eq(partnerSsoConnection.partnerOrgId, orgA));
  const lastTest = async () => (await ssoConnectionOf(db(), orgA))!.lastTestResult as SsoTestResult | null;

  /** Start → provider → the callback URL the provider sends the browser to (not yet called). */
  async function throughProvider(login: string, query: Record<string, string> = {}, actor?: () => Promise<Actor | null>): Promise<URL> {
    const started = await start(orgA, { login_hint: login, ...query }, actor);
    assert.equal(started.status, 303, await started.text());
    return signInAtProvider(location(started), login);
  }

  before(async () => {
    useTestOutbox();
    process.env.SSO_ALLOW_PRIVATE_ADDRESSES = "true";
    database = await freshDatabase();
    setDatabaseForTests(database);
    const org = (name: string) => createPartnerOrg(db(), portalOwner, { name, zuoraAccountId: `Z-${name}`, invoiceOwner: "partner" });
    orgA = (await org("OIDC A")).id;
    orgB = (await org("OIDC B")).id;
    partnerAdminA.partnerOrgId = orgA;
    provider = await startOidcProvider({ id: CLIENT, secret: SECRET, redirectUri: oidcRedirectUri(orgA) });
    await db().insert(partnerDomain).values({ id: newId(), partnerOrgId: orgA, domain: "a.example", verificationToken: "t", verifiedAt: new Date(), verificationMethod: "admin" });
    await db().insert(partnerDomain).values({ id: newId(), partnerOrgId: orgB, domain: "b.example", verificationToken: "t", verifiedAt: new Date(), verificationMethod: "admin" });
    await db()
      .insert(partnerSsoConnection)
      .values({ partnerOrgId: orgA, protocol: "oidc", oidcIssuer: provider.issuer, oidcClientId: CLIENT, oidcClientSecretSealed: await seal(CLIENT_SECRET_PURPOSE, SECRET), enabled: true });
  });
  after(async () => {
    await provider.close();
    await database.close();
  });
  beforeEach(async () => {
    process.env.SSO_ALLOW_PRIVATE_ADDRESSES = "true";
    await setConnection({ enabled: true, jitEnabled: true, jitRole: "viewer", oidcIssuer: provider.issuer, oidcClientSecretSealed: await seal(CLIENT_SECRET_PURPOSE, SECRET) });
  });

  test("the authorization request: state is the pending request, PKCE S256, a nonce, openid email profile, the login hint", async () => {
    const res = await start(orgA, { login_hint: "pat@a.example", return_to: "/partner/a" });
    assert.equal(res.status, 303);
    const url = new URL(location(res));
    assert.equal(url.origin, provider.issuer);
    const q = url.searchParams;
    assert.equal(q.get("client_id"), CLIENT);
    assert.equal(q.get("redirect_uri"), oidcRedirectUri(orgA));
    assert.equal(q.get("response_type"), "code");
    assert.equal(q.get("scope"), "openid email profile");
    assert.equal(q.get("code_challenge_method"), "S256");
    assert.equal(q.get("login_hint"), "pat@a.example");
    const [pending] = await db().select().from(ssoRequest).where(eq(ssoRequest.id, q.get("state")!));
    assert.equal(pending!.partnerOrgId, orgA);
    assert.equal(pending!.purpose, "sign_in");
    assert.equal(pending!.returnTo, "/partner/a");
    assert.equal(pending!.nonce, q.get("nonce"));
    assert.notEqual(q.get("code_challenge"), pending!.codeVerifier, "the challenge, never the verifier, travels");
  });

  test("a new person of a verified domain signs in just in time; the same answer twice is refused", async () => {
    const back = await throughProvider("jit.person@a.example");
    assert.equal(back.searchParams.get("iss"), provider.issuer);
    const res = await callback(orgA, back);
    assert.equal(res.status, 303);
    assert.equal(location(res), "/partner/sso/complete");
    assert.match(res.headers.get("set-cookie") ?? "", /^pm-sso-ticket=/);
    const [created] = await db().select().from(partnerUser).where(eq(partnerUser.email, "jit.person@a.example"));
    assert.equal(created!.partnerOrgId, orgA);
    const replay = await callback(orgA, back);
    assert.equal(location(replay), "/partner/sso/refused?reason=request_expired");
  });

  test("the provider's verdicts go through the one rule: another partner's user, an unverified email, no account with JIT off", async () => {
    await createPartnerUser(db(), portalOwner, orgB, { email: "theirs@a.example" });
    assert.equal(location(await callback(orgA, await throughProvider("theirs@a.example"))), "/partner/sso/refused?reason=other_partner");
    assert.equal(location(await callback(orgA, await throughProvider("unverified:someone@a.example"))), "/partner/sso/refused?reason=email_not_verified");
    assert.equal(location(await callback(orgA, await throughProvider("x@b.example"))), "/partner/sso/refused?reason=domain_not_verified");
    await setConnection({ jitEnabled: false });
    assert.equal(location(await callback(orgA, await throughProvider("newcomer@a.example"))), "/partner/sso/refused?reason=not_a_member");
  });

  test("attacks on the answer are refused and sign nobody in", async () => {
    // The state of A's request sent to B's callback: B has no such request (and A's stays pending).
    const forB = await throughProvider("cross@a.example");
    assert.equal(location(await callback(orgB, forB)), "/partner/sso/refused?reason=request_expired");
    // A forged code.
    const forged = await throughProvider("forged@a.example");
    forged.searchParams.set("code", "forged-code");
    assert.equal(location(await callback(orgA, forged)), "/partner/sso/refused?reason=provider_error");
    // Another issuer claimed in the answer (RFC 9207 mix-up).
    const mixUp = await throughProvider("mixup@a.example");
    mixUp.searchParams.set("iss", "https://evil.example");
    assert.equal(location(await callback(orgA, mixUp)), "/partner/sso/refused?reason=provider_error");
    // A PKCE verifier that is not the one of the challenge (the code was stolen by someone else's flow).
    const pkce = await throughProvider("pkce@a.example");
    await db().update(ssoRequest).set({ codeVerifier: "x".repeat(64) }).where(eq(ssoRequest.id, pkce.searchParams.get("state")!));
    assert.equal(location(await callback(orgA, pkce)), "/partner/sso/refused?reason=provider_error");
    // An ID token minted for another nonce.
    const nonce = await throughProvider("nonce@a.example");
    await db().update(ssoRequest).set({ nonce: "another-nonce" }).where(eq(ssoRequest.id, nonce.searchParams.get("state")!));
    assert.equal(location(await callback(orgA, nonce)), "/partner/sso/refused?reason=provider_error");
    // The provider's own refusal.
    const started = new URL(location(await start(orgA)));
    const denied = new URL(oidcRedirectUri(orgA));
    denied.search = new URLSearchParams({ error: "access_denied", state: started.searchParams.get("state")!, iss: provider.issuer }).toString();
    assert.equal(location(await callback(orgA, denied)), "/partner/sso/refused?reason=provider_error");
    // No state, an unknown one, an expired one.
    assert.equal(location(await callback(orgA, new URL(`${oidcRedirectUri(orgA)}?code=x`))), "/partner/sso/refused?reason=request_expired");
    assert.equal(location(await callback(orgA, new URL(`${oidcRedirectUri(orgA)}?code=x&state=_nope`))), "/partner/sso/refused?reason=request_expired");
    const late = await throughProvider("late@a.example");
    await db().update(ssoRequest).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(ssoRequest.id, late.searchParams.get("state")!));
    assert.equal(location(await callback(orgA, late)), "/partner/sso/refused?reason=request_expired");
    // Each answer refused by the protocol (forged code, mix-up, PKCE, nonce, access_denied) is audited with why.
    const refusals = await db()
      .select()
      .from(activity)
      .where(and(eq(activity.action, "partner_user.sign_in_failed"), eq(activity.partnerOrgId, orgA), sql`${activity.change}->>'method' = 'sso:oidc'`, sql`${activity.change}->>'reason' = 'provider_error'`));
    assert.equal(refusals.length, 5);
    assert.ok(refusals.some((r) => /access_denied/.test(String((r.change as { detail?: string }).detail))));
    for (const email of ["cross@a.example", "forged@a.example", "mixup@a.example", "pkce@a.example", "nonce@a.example", "late@a.example"]) {
      assert.equal((await db().select().from(partnerUser).where(eq(partnerUser.email, email))).length, 0, email);
    }
  });

  test("Test connection: only who may manage that partner's SSO; allowed while off; reports who came back and signs nobody in", async () => {
    const viewer: Actor = { ...partnerAdminA, role: "viewer" };
    const otherAdmin: Actor = { ...partnerAdminA, partnerOrgId: orgB };
    const adminViewer: Actor = { kind: "admin", id: "av", role: "viewer", label: "av" };
    const pendingAdmin = { ...partnerAdminA, orgStatus: "pending" } as Actor;
    for (const actor of [null, viewer, otherAdmin, adminViewer, pendingAdmin]) {
      const res = await start(orgA, { test: "1", return_to: "/x" }, async () => actor);
      assert.equal(res.status, 403, JSON.stringify(actor));
    }
    await setConnection({ enabled: false });
    assert.equal(location(await start(orgA)), "/partner/sso/refused?reason=not_enabled", "a sign-in while off");
    const back = await throughProvider("tester@a.example", { test: "1", return_to: `/partner/a/settings` }, async () => partnerAdminA);
    const res = await callback(orgA, back);
    assert.equal(location(res), "/partner/a/settings");
    assert.equal(res.headers.get("set-cookie"), null);
    const result = await lastTest();
    assert.deepEqual([result!.ok, result!.protocol, result!.subject, result!.email, result!.emailVerified], [true, "oidc", "tester@a.example", "tester@a.example", true]);
    assert.equal(result!.attributes!.iss, provider.issuer);
    assert.equal(result!.signIn, "Would join just in time as Viewer.");
    assert.equal((await db().select().from(partnerUser).where(eq(partnerUser.email, "tester@a.example"))).length, 0, "a test signs nobody in");
    const [pending] = await db().select().from(ssoRequest).where(eq(ssoRequest.partnerOrgId, orgA)).limit(1);
    assert.ok(pending === undefined || pending.purpose !== "test" || pending.initiatedBy === "partner_user:pa");
    const byPortal = await start(orgA, { test: "1", return_to: "https://evil.example/" }, async () => portalOwner);
    assert.equal(byPortal.status, 303, "a portal admin who manages SSO may test");
  });

  test("a failing test says why in words; a failing sign-in shows the refused page", async () => {
    await setConnection({ oidcClientSecretSealed: await seal(CLIENT_SECRET_PURPOSE, "the-wrong-secret") });
    const back = await throughProvider("tester@a.example", { test: "1", return_to: "/partner/a/settings" }, async () => partnerAdminA);
    assert.equal(location(await callback(orgA, back)), "/partner/a/settings");
    const result = await lastTest();
    assert.equal(result!.ok, false);
    assert.match(result!.error!, /^The provider's answer was refused: the provider answered invalid_client/);
    await setConnection({ oidcIssuer: `http://127.0.0.1:${await freePort()}` });
    assert.equal(location(await start(orgA)), "/partner/sso/refused?reason=provider_error");
    assert.equal(location(await start(orgA, { test: "1", return_to: "/partner/a/settings" }, async () => partnerAdminA)), "/partner/a/settings");
    assert.match((await lastTest())!.error!, /^The sign-in could not start: OpenID Connect discovery at .* failed/);
    assert.equal(/\n\s+at /.test((await lastTest())!.error!), false, "no stack trace");
  });

  test("an address may start only so many sign-ins (each stores a pending request)", async () => {
    const from = (address: string) => startSso(db(), orgA, new URLSearchParams(), nobody, address);
    await db().execute(sql`insert into rate_limit (key, count, window_start) values ('sso-start-addr:203.0.113.9', 300, now())`);
    const before = (await db().select().from(ssoRequest)).length;
    assert.equal(location(await from("203.0.113.9")), "/partner/sso/refused?reason=rate_limited");
    assert.equal((await db().select().from(ssoRequest)).length, before, "nothing stored");
    assert.equal((await from("203.0.113.10")).status, 303, "another address is not held back");
    assert.equal((await startSso(db(), orgA, new URLSearchParams({ test: "1" }), async () => partnerAdminA, "203.0.113.9")).status, 303, "a test is not counted");
  });

  test("the routes answer odd input with a page, never a 500", async () => {
    const res = await start("x".repeat(500), { login_hint: "a".repeat(5000), return_to: "//evil.example" });
    assert.equal(location(res), "/partner/sso/refused?reason=not_enabled");
    const cb = await oidcCallback(db(), orgA, new URLSearchParams(`state=${"%00".repeat(50)}&code=1&code=2`));
    assert.equal(location(cb), "/partner/sso/refused?reason=request_expired");
    const broken = ssoRoute(async () => {
      throw new Error("the database went away");
    });
    const answer = await broken(new Request("http://localhost:3000/api/sso/x/start"), { params: Promise.resolve({ partnerOrgId: orgA }) });
    assert.equal(answer.status, 303);
    assert.equal(location(answer), "/partner/sso/refused?reason=provider_error");
  });
});
