/** Email-first partner sign-in (where "Continue" goes) and Require SSO (the password refused but for the break-glass Admin; Forgot password). */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import { and, eq, sql } from "drizzle-orm";
import { setDatabaseForTests, type Database } from "@/db";
import { activity, partnerSsoConnection, partnerUser, type PartnerUserRow } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { SOCKET_ADDRESS_HEADER } from "@/lib/client-address";
import { partnerProviders } from "@/lib/auth/providers/partner";
import { DomainError } from "@/lib/errors";
import { addPartnerDomain, markPartnerDomainVerified } from "@/lib/partners/domains";
import { createPartnerOrg } from "@/lib/partners/orgs";
import { createPartnerUser } from "@/lib/partners/users";
import { requestPasswordReset } from "@/lib/password-links/links";
import { domainRequiresSso, passwordSignInPolicy } from "@/lib/sso/require-sso";
import { partnerSignInRoute } from "@/lib/sso/sign-in-route";
import { databaseKind, freshDatabase } from "./helpers/db";

const owner: Actor = { kind: "admin", id: "owner-1", role: "owner", label: "owner@example.com" };
const PASSWORD = "partner-password-123";

/** The partner password sign-in as next-auth runs it: the user it signs in, null, or the error code it throws. */
async function passwordSignIn(email: string, password = PASSWORD, address = "203.0.113.9"): Promise<string> {
  const providers = partnerProviders() as unknown as { options: { id: string; authorize: (c: unknown, r: unknown) => Promise<{ id: string } | null> } }[];
  const provider = providers.find((p) => p.options?.id === "partner")!;
  try {
    const user = await provider.options.authorize({ email, password }, { headers: { [SOCKET_ADDRESS_HEADER]: address } });
    return user ? `signed in ${user.id}` : "refused";
  } catch (err) {
    return (err as Error).message;
  }
}

describe(`email-first sign-in and Require SSO (${databaseKind})`, () => {
  let database: Database;
  let ssoOrg: string;
  let plainOrg: string;
  let breakGlass: PartnerUserRow;
  let member: PartnerUserRow;
  let outsider: PartnerUserRow;
  let plainUser: PartnerUserRow;
  const headers = () => new Headers({ [SOCKET_ADDRESS_HEADER]: "198.51.100.7" });
  const connection = (set: Partial<typeof partnerSsoConnection.$inferInsert>) =>
    database.db.update(partnerSsoConnection).set(set).where(eq(partnerSsoConnection.partnerOrgId, ssoOrg));
  const entriesOf = (userId: string, action: string) =>
    database.db.select().from(activity).where(and(eq(activity.targetId, userId), eq(activity.action, action)));

  before(async () => {
    database = await freshDatabase();
    setDatabaseForTests(database);
    const org = (name: string) => createPartnerOrg(database.db, owner, { name, zuoraAccountId: `Z-${name}`, invoiceOwner: "partner" });
    ssoOrg = (await org("SSO Partner")).id;
    plainOrg = (await org("Plain Partner")).id;
    const d = await addPartnerDomain(database.db, owner, ssoOrg, { domain: "sso-partner.example" });
    await markPartnerDomainVerified(database.db, owner, ssoOrg, d.id);
    const user = async (orgId: string, email: string, role: "admin" | "viewer") => {
      const row = await createPartnerUser(database.db, owner, orgId, { email, role });
      await database.db.update(partnerUser).set({ passwordHash: await hashPassword(PASSWORD) }).where(eq(partnerUser.id, row.id));
      return row;
    };
    breakGlass = await user(ssoOrg, "glass@sso-partner.example", "admin");
    member = await user(ssoOrg, "member@sso-partner.example", "viewer");
    // A user of the SSO partner whose address is not of its verified domain.
    outsider = await user(ssoOrg, "contractor@elsewhere.example", "viewer");
    plainUser = await user(plainOrg, "someone@plain-partner.example", "admin");
    await database.db.insert(partnerSsoConnection).values({
      partnerOrgId: ssoOrg,
      protocol: "oidc",
      enabled: false,
      oidcIssuer: "https://idp.sso-partner.example",
      oidcClientId: "partner-pages",
      oidcClientSecretSealed: "sealed-secret-for-tests",
      breakGlassUserId: breakGlass.id,
    });
  });
  beforeEach(async () => {
    await database.db.execute(sql`delete from rate_limit`);
    await connection({ enabled: false, requireSso: false, breakGlassUserId: breakGlass.id });
    await database.db.update(partnerUser).set({ role: "admin" }).where(eq(partnerUser.id, breakGlass.id));
  });
  after(async () => {
    await database.close();
  });

  test("Continue: an address of a verified domain whose partner has SSO enabled goes to its start route with the address as login hint", async () => {
    assert.deepEqual(await partnerSignInRoute(database.db, "member@sso-partner.example", headers()), { next: "password" }, "SSO not enabled yet");
    await connection({ enabled: true });
    const route = await partnerSignInRoute(database.db, "Member@SSO-Partner.example", headers());
    assert.deepEqual(route, { next: "sso", url: `/api/sso/${ssoOrg}/start?login_hint=Member%40SSO-Partner.example` });
    assert.equal((await partnerSignInRoute(database.db, "contractor@elsewhere.example", headers())).next, "password");
    assert.equal((await partnerSignInRoute(database.db, "someone@plain-partner.example", headers())).next, "password");
  });

  test("Continue answers by the domain alone: an address with no user gets the same answer as one with a user", async () => {
    await connection({ enabled: true });
    assert.deepEqual(await partnerSignInRoute(database.db, "nobody-here@sso-partner.example", headers()), {
      next: "sso",
      url: `/api/sso/${ssoOrg}/start?login_hint=nobody-here%40sso-partner.example`,
    });
    assert.deepEqual(await partnerSignInRoute(database.db, "nobody@plain-partner.example", headers()), await partnerSignInRoute(database.db, "someone@plain-partner.example", headers()));
    assert.deepEqual(await partnerSignInRoute(database.db, "nobody@unheard-of.example", headers()), { next: "password" });
  });

  test("Continue is rate limited per address", async () => {
    for (let i = 0; i < 60; i++) await partnerSignInRoute(database.db, `n${i}@plain-partner.example`, headers());
    await assert.rejects(partnerSignInRoute(database.db, "late@plain-partner.example", headers()), (e: unknown) => e instanceof DomainError && e.code === "rate_limited");
    assert.equal((await partnerSignInRoute(database.db, "other@plain-partner.example", new Headers({ [SOCKET_ADDRESS_HEADER]: "198.51.100.8" }))).next, "password", "another address is not limited");
  });

  test("Require SSO refuses the password (audited), but only once the password is right; other partners are not affected", async () => {
    await connection({ enabled: true, requireSso: true });
    assert.equal(await passwordSignIn(member.email, "wrong-password-123"), "refused", "a wrong password says nothing about SSO");
    assert.equal(await passwordSignIn(member.email), "SsoRequired");
    assert.equal(await passwordSignIn(outsider.email), "SsoRequired", "whatever the address's domain");
    const [failed] = await database.db
      .select()
      .from(activity)
      .where(and(eq(activity.targetId, member.id), eq(activity.action, "partner_user.sign_in_failed"), sql`${activity.change} ->> 'reason' = 'sso required'`));
    assert.deepEqual(failed!.change, { method: "password", reason: "sso required" });
    assert.equal(failed!.success, false);
    assert.equal((await entriesOf(member.id, "partner_user.signed_in")).length, 0);
    assert.equal(await passwordSignIn(plainUser.email), `signed in ${plainUser.id}`);
    assert.equal(await passwordSignInPolicy(database.db, plainUser), "allowed");
  });

  test("Require SSO applies only while SSO is enabled and required", async () => {
    await connection({ enabled: true, requireSso: false });
    assert.equal(await passwordSignIn(member.email), `signed in ${member.id}`);
    await connection({ enabled: false, requireSso: true });
    assert.equal(await passwordSignIn(member.email), `signed in ${member.id}`);
  });

  test("the break-glass Admin still signs in with a password, audited as such; not once they are no longer an Admin", async () => {
    await connection({ enabled: true, requireSso: true });
    assert.equal(await passwordSignIn(breakGlass.email), `signed in ${breakGlass.id}`);
    const [entry] = await entriesOf(breakGlass.id, "partner_user.break_glass_sign_in");
    assert.deepEqual(entry!.change, { method: "password" });
    assert.equal(entry!.actorKind, "partner_user");
    await database.db.update(partnerUser).set({ role: "viewer" }).where(eq(partnerUser.id, breakGlass.id));
    assert.equal(await passwordSignIn(breakGlass.email), "SsoRequired");
    await connection({ breakGlassUserId: null });
    await database.db.update(partnerUser).set({ role: "admin" }).where(eq(partnerUser.id, breakGlass.id));
    assert.equal(await passwordSignIn(breakGlass.email), "SsoRequired", "no break-glass Admin named");
  });

  test("Forgot password? under Require SSO: a reset link goes to the break-glass Admin only; the page's answer depends on the domain alone", async () => {
    await connection({ enabled: true, requireSso: true });
    assert.equal(await domainRequiresSso(database.db, "anyone@SSO-partner.example"), true);
    assert.equal(await domainRequiresSso(database.db, "someone@plain-partner.example"), false);
    assert.equal(await requestPasswordReset(database.db, member.email), false, "no link for a member");
    assert.equal(await requestPasswordReset(database.db, outsider.email), false);
    assert.equal(await requestPasswordReset(database.db, breakGlass.email), true, "a link for the break-glass Admin");
    assert.equal((await entriesOf(breakGlass.id, "password_reset.sent")).length, 1);
    assert.equal((await entriesOf(member.id, "password_reset.sent")).length, 0);
    await connection({ requireSso: false });
    assert.equal(await domainRequiresSso(database.db, "anyone@sso-partner.example"), false);
    await database.db.execute(sql`delete from rate_limit`);
    assert.equal(await requestPasswordReset(database.db, member.email), true);
  });
});
