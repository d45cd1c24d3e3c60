/**
 * THE rule of a partner's single sign-on (lib/sso/complete.ts): who an accepted answer signs in,
 * the one-time tickets, and the pending requests an answer must name (lib/sso/requests.ts).
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { activity, mailOutbox, partnerDomain, partnerSsoConnection, partnerUser, ssoRequest, ssoTicket, type PartnerRole } from "@/db/schema";
import { systemActor } from "@/lib/auth/actor";
import { newId } from "@/lib/ids";
import { createPartnerOrg } from "@/lib/partners/orgs";
import { suspendPartnerOrg, reactivatePartnerOrg } from "@/lib/partners/suspension";
import { createPartnerUser } from "@/lib/partners/users";
import { decideSsoUser, finishSsoSignIn, issueSsoTicket, redeemSsoTicket, reportSsoTest, resolveSsoUser, SSO_TICKET_COOKIE, ssoTicketReturnTo, type SsoIdentity } from "@/lib/sso/complete";
import type { SsoTestResult } from "@/lib/sso/requests";
import { createSsoRequest, takeSsoRequest } from "@/lib/sso/requests";
import { freshDatabase, databaseKind } from "./helpers/db";
import { useTestOutbox } from "./helpers/outbox";
import { portalOwner } from "./helpers/scim";

describe(`SSO: who an answer signs in, tickets and pending requests (${databaseKind})`, () => {
  let database: Database;
  let orgA: string;
  let orgB: string;
  const db = () => database.db;

  const verifyDomain = (partnerOrgId: string, domain: string) =>
    db().insert(partnerDomain).values({ id: newId(), partnerOrgId, domain, verificationToken: newId(), verifiedAt: new Date(), verificationMethod: "admin" });
  const connect = (partnerOrgId: string, settings: { enabled?: boolean; jitEnabled?: boolean; jitRole?: PartnerRole } = {}) =>
    db()
      .insert(partnerSsoConnection)
      .values({ partnerOrgId, protocol: "oidc", oidcIssuer: "https://idp.example", oidcClientId: "c", oidcClientSecretSealed: "v1.x.y.z", enabled: true, ...settings })
      .onConflictDoUpdate({ target: partnerSsoConnection.partnerOrgId, set: { enabled: true, jitEnabled: false, jitRole: "viewer", ...settings } });
  const identity = (email: string | null, more: Partial<SsoIdentity> = {}): SsoIdentity => ({ partnerOrgId: orgA, protocol: "oidc", subject: `sub-${email}`, email, emailVerified: true, ...more });
  const refusals = async (email: string) =>
    db()
      .select({ change: activity.change })
      .from(activity)
      .where(and(eq(activity.action, "partner_user.sign_in_failed"), eq(activity.actorLabel, email)));

  before(async () => {
    useTestOutbox();
    database = await freshDatabase();
    const org = (name: string) => createPartnerOrg(db(), portalOwner, { name, zuoraAccountId: `Z-${name}`, invoiceOwner: "partner" });
    orgA = (await org("SSO A")).id;
    orgB = (await org("SSO B")).id;
    await verifyDomain(orgA, "a.example");
    await verifyDomain(orgB, "b.example");
    await db().insert(partnerDomain).values({ id: newId(), partnerOrgId: orgA, domain: "unverified-a.example", verificationToken: newId() });
    await connect(orgA);
    await connect(orgB);
  });
  after(async () => {
    await database.close();
  });

  test("an existing member of the partner signs in (the email matched without regard to case)", async () => {
    const user = await createPartnerUser(db(), portalOwner, orgA, { email: "member@a.example", role: "maintainer" });
    const outcome = await resolveSsoUser(db(), identity("Member@A.example"));
    assert.deepEqual(outcome.ok && { id: outcome.user.id, created: outcome.created }, { id: user.id, created: false });
  });

  test("Test connection reports what the rule would make of who came back, judging a connection that is off as if on, and writes no user and no audit", async () => {
    await connect(orgA, { enabled: false, jitEnabled: true, jitRole: "maintainer" });
    const admin = await createPartnerUser(db(), portalOwner, orgA, { email: "tested.admin@a.example", role: "admin" });
    const count = async () => ({
      users: (await db().select({ n: sql<number>`count(*)::int` }).from(partnerUser))[0]!.n,
      entries: (await db().select({ n: sql<number>`count(*)::int` }).from(activity))[0]!.n,
    });
    const before = await count();
    assert.deepEqual(await decideSsoUser(db(), identity("tester@a.example")), { kind: "refused", reason: "not_enabled", userId: undefined });
    assert.deepEqual(await decideSsoUser(db(), identity("tester@a.example"), { asIfEnabled: true }), { kind: "just_in_time", email: "tester@a.example", role: "maintainer" });
    const lastTest = async () => ((await db().select().from(partnerSsoConnection).where(eq(partnerSsoConnection.partnerOrgId, orgA)))[0]!.lastTestResult as SsoTestResult);
    await reportSsoTest(db(), identity("tester@a.example"), { department: "Sales" });
    assert.deepEqual([(await lastTest()).ok, (await lastTest()).signIn, (await lastTest()).attributes], [true, "Would join just in time as Maintainer.", { department: "Sales" }]);
    await reportSsoTest(db(), identity("tester@b.example"), {});
    assert.equal((await lastTest()).signIn, "Would be refused: This email address is not one of your partner's domains.");
    await reportSsoTest(db(), identity(admin.email), {});
    assert.equal((await lastTest()).signIn, "Would sign in as a member (Admin).");
    assert.deepEqual(await count(), before, "a test creates nobody and audits no sign-in");
    await connect(orgA);
  });

  test("a user of another partner is refused and never moved", async () => {
    const other = await createPartnerUser(db(), portalOwner, orgB, { email: "someone@a.example" });
    await connect(orgA, { jitEnabled: true });
    const outcome = await resolveSsoUser(db(), identity("someone@a.example"));
    assert.deepEqual(outcome, { ok: false, reason: "other_partner" });
    const [still] = await db().select().from(partnerUser).where(eq(partnerUser.id, other.id));
    assert.equal(still!.partnerOrgId, orgB);
    assert.deepEqual((await refusals("someone@a.example")).map((r) => (r.change as { reason: string }).reason), ["other_partner"]);
  });

  test("just-in-time on: a first sign-in creates the member with the default role, audited, and no invitation mail", async () => {
    await connect(orgA, { jitEnabled: true, jitRole: "maintainer" });
    const outcome = await resolveSsoUser(db(), identity("new.person@a.example", { name: "New Person" }));
    assert.ok(outcome.ok && outcome.created);
    const [created] = await db().select().from(partnerUser).where(eq(partnerUser.email, "new.person@a.example"));
    assert.equal(created!.partnerOrgId, orgA);
    assert.equal(created!.role, "maintainer");
    assert.equal(created!.name, "New Person");
    const [entry] = await db().select().from(activity).where(and(eq(activity.action, "partner_user.created"), eq(activity.targetId, created!.id)));
    assert.equal(entry!.actorKind, "system");
    assert.equal(entry!.actorLabel, "Single sign-on (just-in-time)");
    assert.equal(entry!.partnerOrgId, orgA);
    assert.equal((await db().select().from(mailOutbox).where(sql`lower(${mailOutbox.to}) = 'new.person@a.example'`)).length, 0);
    const again = await resolveSsoUser(db(), identity("new.person@a.example"));
    assert.ok(again.ok && !again.created && again.user.id === created!.id, "the second sign-in finds the member");
  });

  test("just-in-time off: a person with no account is refused as not a member, and nobody is created", async () => {
    await connect(orgA, { jitEnabled: false });
    assert.deepEqual(await resolveSsoUser(db(), identity("stranger@a.example")), { ok: false, reason: "not_a_member" });
    assert.equal((await db().select().from(partnerUser).where(eq(partnerUser.email, "stranger@a.example"))).length, 0);
  });

  test("an email whose domain this partner has not verified is refused: unverified, unknown, or verified by another partner", async () => {
    await connect(orgA, { jitEnabled: true });
    for (const email of ["x@unverified-a.example", "x@nowhere.example", "x@b.example", "x@sub.a.example"]) {
      assert.deepEqual(await resolveSsoUser(db(), identity(email)), { ok: false, reason: "domain_not_verified" }, email);
    }
    assert.equal((await db().select().from(partnerUser).where(eq(partnerUser.email, "x@b.example"))).length, 0);
  });

  test("no email, or an email the provider has not verified, is refused", async () => {
    await connect(orgA, { jitEnabled: true });
    assert.deepEqual(await resolveSsoUser(db(), identity(null)), { ok: false, reason: "no_email" });
    assert.deepEqual(await resolveSsoUser(db(), identity("  ")), { ok: false, reason: "no_email" });
    assert.deepEqual(await resolveSsoUser(db(), identity("member@a.example", { emailVerified: false })), { ok: false, reason: "email_not_verified" });
  });

  test("a suspended user, and the users of a suspended partner, are refused", async () => {
    await connect(orgA);
    await createPartnerUser(db(), systemActor, orgA, { email: "off@a.example", suspended: true });
    assert.deepEqual(await resolveSsoUser(db(), identity("off@a.example")), { ok: false, reason: "suspended" });
    await suspendPartnerOrg(db(), portalOwner, orgA, "Test");
    try {
      assert.deepEqual(await resolveSsoUser(db(), identity("member@a.example")), { ok: false, reason: "partner_suspended" });
    } finally {
      await reactivatePartnerOrg(db(), portalOwner, orgA);
    }
    assert.ok((await resolveSsoUser(db(), identity("member@a.example"))).ok);
  });

  test("a connection that is off, or none, signs nobody in", async () => {
    await connect(orgA, { enabled: false });
    assert.deepEqual(await resolveSsoUser(db(), identity("member@a.example")), { ok: false, reason: "not_enabled" });
    const orgC = (await createPartnerOrg(db(), portalOwner, { name: "SSO C", zuoraAccountId: "Z-C", invoiceOwner: "partner" })).id;
    assert.deepEqual(await resolveSsoUser(db(), identity("member@a.example", { partnerOrgId: orgC })), { ok: false, reason: "not_enabled" });
    await connect(orgA);
  });

  test("finishSsoSignIn: a ticket cookie and the complete page, or the refused page with the reason", async () => {
    await connect(orgA, { jitEnabled: false });
    const ok = await finishSsoSignIn(db(), identity("member@a.example"), "/partner/x/members");
    assert.equal(ok.status, 303);
    assert.equal(ok.headers.get("location"), "/partner/sso/complete");
    const cookie = ok.headers.get("set-cookie")!;
    assert.match(cookie, new RegExp(`^${SSO_TICKET_COOKIE}=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Lax; Max-Age=60`));
    const token = cookie.split(";")[0]!.split("=")[1]!;
    const redeemed = await redeemSsoTicket(db(), token);
    assert.equal(redeemed!.user.email, "member@a.example");
    assert.equal(redeemed!.returnTo, "/partner/x/members");
    const refused = await finishSsoSignIn(db(), identity("stranger@a.example"), null);
    assert.equal(refused.status, 303);
    assert.equal(refused.headers.get("location"), "/partner/sso/refused?reason=not_a_member");
    assert.equal(refused.headers.get("set-cookie"), null);
    const elsewhere = await finishSsoSignIn(db(), identity("member@a.example"), "https://evil.example/");
    const t2 = elsewhere.headers.get("set-cookie")!.split(";")[0]!.split("=")[1]!;
    assert.equal((await redeemSsoTicket(db(), t2))!.returnTo, null, "only a path of this app is kept");
  });

  test("the complete page reads where to return from a live ticket without using it up", async () => {
    const [member] = await db().select().from(partnerUser).where(eq(partnerUser.email, "member@a.example"));
    const token = await issueSsoTicket(db(), member!.id, "saml", "/partner/x/reports");
    assert.equal(await ssoTicketReturnTo(db(), token), "/partner/x/reports");
    assert.equal(await ssoTicketReturnTo(db(), token), "/partner/x/reports", "reading it twice");
    assert.equal((await redeemSsoTicket(db(), token))!.user.id, member!.id, "the ticket still works");
    assert.equal(await ssoTicketReturnTo(db(), token), null, "a used ticket says nothing");
    assert.equal(await ssoTicketReturnTo(db(), "not a ticket"), null);
  });

  test("a ticket is used once, and not after it expires; only its hash is stored", async () => {
    const [member] = await db().select().from(partnerUser).where(eq(partnerUser.email, "member@a.example"));
    const token = await issueSsoTicket(db(), member!.id, "oidc", null);
    const stored = await db().select().from(ssoTicket);
    assert.equal(JSON.stringify(stored).includes(token), false);
    assert.ok(await redeemSsoTicket(db(), token));
    assert.equal(await redeemSsoTicket(db(), token), null, "a replayed ticket");
    const late = await issueSsoTicket(db(), member!.id, "oidc", null);
    await db().update(ssoTicket).set({ expiresAt: new Date(Date.now() - 1000) });
    assert.equal(await redeemSsoTicket(db(), late), null, "an expired ticket");
    assert.equal(await redeemSsoTicket(db(), "not-a-ticket"), null);
    assert.equal(await redeemSsoTicket(db(), ""), null);
    assert.equal(await redeemSsoTicket(db(), "x".repeat(500)), null);
  });

  test("a pending request is taken once, before it expires, by its own partner and protocol only", async () => {
    const request = await createSsoRequest(db(), { partnerOrgId: orgA, protocol: "oidc", purpose: "sign_in", codeVerifier: "v", nonce: "n", returnTo: "/partner" });
    assert.match(request.id, /^_/);
    assert.equal(await takeSsoRequest(db(), request.id, orgB, "oidc"), null, "another partner's callback");
    assert.equal(await takeSsoRequest(db(), request.id, orgA, "saml"), null, "the other protocol");
    const taken = await takeSsoRequest(db(), request.id, orgA, "oidc");
    assert.equal(taken?.codeVerifier, "v");
    assert.equal(taken?.nonce, "n");
    assert.equal(await takeSsoRequest(db(), request.id, orgA, "oidc"), null, "a replayed state");
    const old = await createSsoRequest(db(), { partnerOrgId: orgA, protocol: "oidc", purpose: "test" });
    await db().update(ssoRequest).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(ssoRequest.id, old.id));
    assert.equal(await takeSsoRequest(db(), old.id, orgA, "oidc"), null, "an expired request");
    assert.equal(await takeSsoRequest(db(), "", orgA, "oidc"), null);
    assert.equal(await takeSsoRequest(db(), "_unknown", orgA, "oidc"), null);
  });
});
