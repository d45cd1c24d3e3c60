/**
 * A partner's single sign-on connection (lib/sso/connections.ts): OpenID Connect checked by
 * discovery against a real provider (oidc-provider on loopback), the client secret sealed, private
 * issuers refused unless allowed, who may change it, and an audit trail without the secret.
 */
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, beforeEach, describe, test } from "node:test";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { activity, partnerSsoConnection } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { unseal } from "@/lib/crypto/sealed";
import { DomainError } from "@/lib/errors";
import { createPartnerOrg } from "@/lib/partners/orgs";
import { createPartnerUser } from "@/lib/partners/users";
import { getSsoConnection, removeSsoConnection, saveSsoConnection, setSsoSignInSettings, ssoBreakGlassCandidates } from "@/lib/sso/connections";
import { CLIENT_SECRET_PURPOSE, oidcRedirectUri } from "@/lib/sso/oidc";
import { ssoConnectionSchema, ssoSignInSettingsSchema } from "@/lib/validations/sso";
import { databaseKind, freshDatabase } from "./helpers/db";
import { freePort, startOidcProvider } from "./helpers/oidc-provider";
import { useTestOutbox } from "./helpers/outbox";
import { TestSamlIdp } from "./helpers/saml-idp";
import { portalOwner } from "./helpers/scim";

const refused = (code: DomainError["code"], text?: RegExp) => (e: unknown) => e instanceof DomainError && e.code === code && (!text || text.test(e.message));
const SECRET = "partner-client-secret-0123456789-abcdef";

describe(`SSO connections (${databaseKind})`, () => {
  let database: Database;
  let orgA: string;
  let orgB: string;
  let provider: { issuer: string; close: () => Promise<void> };
  let notOidc: Server;
  let notOidcUrl: string;
  const db = () => database.db;
  const partner = (orgId: string, role: "admin" | "maintainer" | "viewer"): Actor => ({ kind: "partner_user", id: `${role}-${orgId}`, partnerOrgId: orgId, role, label: `${role}@p.example` });
  const adminViewer: Actor = { kind: "admin", id: "av", role: "viewer", label: "viewer@portal.example" };
  const oidc = (orgId: string, more: Record<string, string> = {}) =>
    ssoConnectionSchema.parse({ orgId, protocol: "oidc", issuer: provider.issuer, clientId: "partner-client", clientSecret: SECRET, ...more });
  const rowOf = async (orgId: string) => (await db().select().from(partnerSsoConnection).where(eq(partnerSsoConnection.partnerOrgId, orgId)))[0];
  const entries = (orgId: string) => db().select().from(activity).where(and(eq(activity.partnerOrgId, orgId), eq(activity.targetKind, "partner_sso_connection")));

  before(async () => {
    useTestOutbox();
    database = await freshDatabase();
    const org = (name: string) => createPartnerOrg(db(), portalOwner, { name, zuoraAccountId: `Z-${name}`, invoiceOwner: "partner" });
    orgA = (await org("Connections A")).id;
    orgB = (await org("Connections B")).id;
    provider = await startOidcProvider({ id: "partner-client", secret: SECRET, redirectUri: oidcRedirectUri(orgA) });
    notOidc = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end("<html>not a provider</html>"));
    await new Promise<void>((resolve) => notOidc.listen(0, "127.0.0.1", resolve));
    notOidcUrl = `http://127.0.0.1:${(notOidc.address() as AddressInfo).port}`;
  });
  after(async () => {
    await provider.close();
    await new Promise((resolve) => notOidc.close(resolve));
    await database.close();
  });
  beforeEach(() => {
    process.env.SSO_ALLOW_PRIVATE_ADDRESSES = "true";
  });

  test("saving OpenID Connect runs discovery; the secret is sealed, never returned, and unseals to what was given", async () => {
    const view = await saveSsoConnection(db(), partner(orgA, "admin"), oidc(orgA));
    assert.equal(view.protocol, "oidc");
    assert.equal(view.enabled, false, "a new connection starts off");
    assert.equal(view.hasClientSecret, true);
    assert.equal(JSON.stringify(view).includes(SECRET), false);
    const row = await rowOf(orgA);
    assert.equal(row!.oidcIssuer, provider.issuer);
    assert.equal(JSON.stringify(row).includes(SECRET), false, "the row does not hold the secret in clear");
    assert.equal(await unseal(CLIENT_SECRET_PURPOSE, row!.oidcClientSecretSealed!), SECRET);
    await assert.rejects(unseal("webhook-secret", row!.oidcClientSecretSealed!), "sealed for its own purpose only");
    const read = await getSsoConnection(db(), adminViewer, orgA);
    assert.equal(JSON.stringify(read).includes(SECRET), false);
    assert.equal(JSON.stringify(read).includes(row!.oidcClientSecretSealed!), false, "not even sealed");
  });

  test("an empty client secret keeps the stored one, for the same issuer only; a first save needs one", async () => {
    const before = (await rowOf(orgA))!.oidcClientSecretSealed;
    await saveSsoConnection(db(), portalOwner, oidc(orgA, { clientSecret: "" }));
    assert.equal((await rowOf(orgA))!.oidcClientSecretSealed, before);
    await assert.rejects(saveSsoConnection(db(), portalOwner, oidc(orgB, { clientSecret: "" })), refused("invalid", /Client secret is required/));
    const otherIssuer = provider.issuer.replace("127.0.0.1", "localhost");
    await assert.rejects(saveSsoConnection(db(), portalOwner, oidc(orgA, { issuer: otherIssuer, clientSecret: "" })), refused("invalid", /Enter the client secret again/));
    assert.equal((await rowOf(orgA))!.oidcIssuer, provider.issuer, "nothing written");
  });

  test("discovery failures are refused in words and write nothing", async () => {
    const dead = `http://127.0.0.1:${await freePort()}`;
    const cases: [string, RegExp][] = [
      [dead, /OpenID Connect discovery at http:\/\/127\.0\.0\.1:\d+\/\.well-known\/openid-configuration failed/],
      [notOidcUrl, /is not an OpenID Connect discovery document/],
      // The same provider reached by another name: its metadata names 127.0.0.1, not localhost.
      [provider.issuer.replace("127.0.0.1", "localhost"), /names another issuer/],
      [`${provider.issuer}/realms/nothing`, /\/realms\/nothing\/\.well-known\/openid-configuration answered HTTP 404: check the Issuer URL\./],
    ];
    for (const [issuer, message] of cases) {
      await assert.rejects(saveSsoConnection(db(), portalOwner, oidc(orgB, { issuer })), (e: unknown) => {
        assert.ok(e instanceof DomainError && e.code === "invalid", String(e));
        assert.match(e.message, message);
        assert.deepEqual(Object.keys(e.fieldErrors), ["issuer"]);
        assert.equal(/\n\s+at /.test(e.message), false, "no stack trace");
        return true;
      });
    }
    assert.equal(await rowOf(orgB), undefined);
    assert.equal((await entries(orgB)).length, 0);
  });

  test("without SSO_ALLOW_PRIVATE_ADDRESSES only public https issuers are accepted, before any request", async () => {
    process.env.SSO_ALLOW_PRIVATE_ADDRESSES = "false";
    const cases: [string, RegExp][] = [
      [provider.issuer, /must be an https:\/\/ URL/],
      ["https://127.0.0.1", /public host/],
      ["https://localhost:8443", /public host/],
      ["https://[::1]/", /public host/],
      ["https://10.1.2.3/realms/x", /public host/],
      ["https://192.168.0.10", /public host/],
      ["https://169.254.169.254/latest", /public host/],
      ["https://metadata.google.internal", /public host/],
      ["https://idp.localhost", /public host/],
      ["https://[::ffff:127.0.0.1]", /public host/],
    ];
    for (const [issuer, message] of cases) {
      await assert.rejects(saveSsoConnection(db(), portalOwner, oidc(orgB, { issuer })), refused("invalid", message), issuer);
    }
    assert.equal(await rowOf(orgB), undefined);
  });

  test("the form's schema refuses what is not an issuer URL, and asks for each protocol's fields", () => {
    const bad = (v: Record<string, unknown>) => ssoConnectionSchema.safeParse({ orgId: orgA, ...v });
    assert.equal(bad({ protocol: "oidc", issuer: "ftp://idp.example", clientId: "c" }).success, false);
    assert.equal(bad({ protocol: "oidc", issuer: "https://user:pw@idp.example", clientId: "c" }).success, false);
    assert.equal(bad({ protocol: "oidc", issuer: "https://idp.example", clientId: "" }).success, false);
    assert.equal(bad({ protocol: "oidc", issuer: "https://idp.example", clientId: "c\u0000" }).success, false);
    assert.equal(bad({ protocol: "saml", metadataXml: "   " }).success, false);
    assert.equal(bad({ protocol: "ldap" }).success, false);
    assert.equal(bad({ protocol: "oidc", issuer: "https://idp.example", clientId: "c" }).success, true);
    assert.equal(ssoSignInSettingsSchema.safeParse({ orgId: orgA, enabled: "yes", requireSso: false, jitEnabled: false, jitRole: "viewer" }).success, false);
    assert.equal(ssoSignInSettingsSchema.safeParse({ orgId: orgA, enabled: true, requireSso: false, jitEnabled: true, jitRole: "owner" }).success, false);
  });

  test("who may change it: the partner's Admins and portal Owners/Admins; Viewers and Maintainers, other partners and admin Viewers may not", async () => {
    const settings = { orgId: orgA, enabled: true, requireSso: false, breakGlassUserId: "", jitEnabled: false, jitRole: "viewer" as const };
    for (const actor of [partner(orgA, "viewer"), partner(orgA, "maintainer"), partner(orgB, "admin"), adminViewer]) {
      await assert.rejects(saveSsoConnection(db(), actor, oidc(orgA)), refused("forbidden"), actor.label);
      await assert.rejects(setSsoSignInSettings(db(), actor, settings), refused("forbidden"), actor.label);
      await assert.rejects(removeSsoConnection(db(), actor, orgA), refused("forbidden"), actor.label);
    }
    await assert.rejects(getSsoConnection(db(), partner(orgA, "viewer"), orgA), refused("forbidden"));
    await assert.rejects(getSsoConnection(db(), partner(orgA, "maintainer"), orgA), refused("forbidden"));
    await assert.rejects(getSsoConnection(db(), partner(orgB, "admin"), orgA), refused("forbidden"));
    assert.ok(await getSsoConnection(db(), adminViewer, orgA), "a portal Viewer reads it");
    assert.ok(await getSsoConnection(db(), partner(orgA, "admin"), orgA));
    assert.equal((await setSsoSignInSettings(db(), partner(orgA, "admin"), settings)).enabled, true);
  });

  test("sign-in settings: the break-glass Admin must be an active Admin of this partner; Require SSO without one is allowed", async () => {
    const adminA = await createPartnerUser(db(), portalOwner, orgA, { email: "boss@a.example", role: "admin" });
    const viewerA = await createPartnerUser(db(), portalOwner, orgA, { email: "viewer@a.example", role: "viewer" });
    const adminB = await createPartnerUser(db(), portalOwner, orgB, { email: "boss@b.example", role: "admin" });
    const base = { orgId: orgA, enabled: true, requireSso: true, jitEnabled: true, jitRole: "maintainer" as const };
    for (const id of [viewerA.id, adminB.id, "nobody"]) {
      await assert.rejects(setSsoSignInSettings(db(), portalOwner, { ...base, breakGlassUserId: id }), refused("invalid", /active Admin of this partner/));
    }
    assert.deepEqual((await ssoBreakGlassCandidates(db(), portalOwner, orgA)).map((a) => a.email), ["boss@a.example"]);
    const saved = await setSsoSignInSettings(db(), partner(orgA, "admin"), { ...base, breakGlassUserId: adminA.id });
    assert.deepEqual([saved.requireSso, saved.breakGlassUserId, saved.jitEnabled, saved.jitRole], [true, adminA.id, true, "maintainer"]);
    const withoutOne = await setSsoSignInSettings(db(), portalOwner, { ...base, breakGlassUserId: "" });
    assert.deepEqual([withoutOne.requireSso, withoutOne.breakGlassUserId], [true, null]);
    await assert.rejects(setSsoSignInSettings(db(), portalOwner, { ...base, orgId: orgB, breakGlassUserId: "" }), refused("invalid", /Save a connection first/));
    const [entry] = (await entries(orgA)).filter((e) => e.action === "partner_sso_connection.settings_changed" && JSON.stringify(e.change).includes("boss@a.example"));
    assert.deepEqual((entry!.change as { after: unknown }).after, { enabled: true, requireSso: true, breakGlass: "boss@a.example", jitEnabled: true, jitRole: "maintainer" });
  });

  test("changing the protocol replaces the other protocol's fields, the secret included; bad metadata is refused beside its field", async () => {
    await saveSsoConnection(db(), portalOwner, oidc(orgB));
    const idp = new TestSamlIdp("https://idp.b.example/saml", "https://idp.b.example/sso");
    const saml = await saveSsoConnection(db(), partner(orgB, "admin"), ssoConnectionSchema.parse({ orgId: orgB, protocol: "saml", metadataXml: idp.metadataXml() }));
    assert.equal(saml.protocol, "saml");
    const row = await rowOf(orgB);
    assert.deepEqual([row!.oidcIssuer, row!.oidcClientId, row!.oidcClientSecretSealed], [null, null, null]);
    assert.deepEqual([row!.samlIdpEntityId, row!.samlIdpSsoUrl, row!.samlIdpCertificates!.length], ["https://idp.b.example/saml", "https://idp.b.example/sso", 1]);
    await assert.rejects(saveSsoConnection(db(), portalOwner, oidc(orgB, { clientSecret: "" })), refused("invalid", /Client secret is required/), "the old secret is gone");
    for (const xml of ["<not-metadata/>", idp.metadataXml({ withCertificate: false }), '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>']) {
      await assert.rejects(saveSsoConnection(db(), portalOwner, ssoConnectionSchema.parse({ orgId: orgB, protocol: "saml", metadataXml: xml })), (e: unknown) => {
        assert.ok(e instanceof DomainError && e.code === "invalid");
        assert.deepEqual(Object.keys(e.fieldErrors), ["metadataXml"]);
        return true;
      });
    }
    assert.equal((await rowOf(orgB))!.samlIdpEntityId, "https://idp.b.example/saml", "nothing written");
    const back = await saveSsoConnection(db(), portalOwner, oidc(orgB));
    assert.equal(back.protocol, "oidc");
    const again = await rowOf(orgB);
    assert.deepEqual([again!.samlIdpMetadata, again!.samlIdpEntityId, again!.samlIdpSsoUrl, again!.samlIdpCertificates], [null, null, null, null]);
  });

  test("every change is audited, and no entry holds the secret, sealed or not", async () => {
    await saveSsoConnection(db(), portalOwner, oidc(orgA, { clientSecret: "another-secret-0123456789" }));
    const sealed = (await rowOf(orgA))!.oidcClientSecretSealed!;
    await removeSsoConnection(db(), portalOwner, orgA);
    assert.equal(await rowOf(orgA), undefined);
    await assert.rejects(removeSsoConnection(db(), portalOwner, orgA), refused("not_found"));
    const trail = await entries(orgA);
    assert.deepEqual(
      [...new Set(trail.map((e) => e.action))].sort(),
      ["partner_sso_connection.removed", "partner_sso_connection.saved", "partner_sso_connection.settings_changed"],
    );
    const text = JSON.stringify(trail);
    for (const secret of [SECRET, "another-secret-0123456789", sealed]) assert.equal(text.includes(secret), false);
    const saved = trail.find((e) => e.action === "partner_sso_connection.saved" && (e.change as { clientSecret: string }).clientSecret === "replaced");
    assert.deepEqual((saved!.change as { after: unknown }).after, { protocol: "oidc", issuer: provider.issuer, clientId: "partner-client" });
  });
});
