/**
 * SAML 2.0 single sign-on per partner, through the real ACS and metadata route handlers and a
 * real database: a test IdP (tests/helpers/saml-idp.ts) signs real responses with xml-crypto, and
 * each attack below is a response an attacker could post to the ACS.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, beforeEach, describe, test } from "node:test";
import { and, eq, sql } from "drizzle-orm";
import { setDatabaseForTests, type Database } from "@/db";
import { activity, partnerDomain, partnerSsoConnection, partnerUser, ssoAssertionSeen, ssoRequest, ssoTicket } from "@/db/schema";
import * as acsRoute from "@/app/api/sso/[partnerOrgId]/saml/acs/route";
import * as metadataRoute from "@/app/api/sso/[partnerOrgId]/saml/metadata/route";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { createPartnerOrg } from "@/lib/partners/orgs";
import { createPartnerUser } from "@/lib/partners/users";
import { saveSsoConnection } from "@/lib/sso/connections";
import { createSsoRequest, type SsoTestResult } from "@/lib/sso/requests";
import { parseIdpMetadata, samlSignInUrl, spAcsUrl, spEntityId } from "@/lib/sso/saml";
import { databaseKind, freshDatabase } from "./helpers/db";
import { makeIdpKey, newSamlId, readRedirectAuthnRequest, TestSamlIdp, toSamlResponse, type AuthnRequestInfo, type ResponseOptions } from "./helpers/saml-idp";
import { portalOwner } from "./helpers/scim";

const idp = new TestSamlIdp("https://idp.partner.example/saml", "https://idp.partner.example/saml/sso");
const otherIdp = new TestSamlIdp("https://idp.other.example/saml", "https://idp.other.example/saml/sso");

describe(`SAML 2.0 single sign-on (${databaseKind})`, () => {
  let database: Database;
  let orgA: string;
  let orgB: string;
  const db = () => database.db;

  before(async () => {
    database = await freshDatabase();
    setDatabaseForTests(database);
    const org = (name: string) => createPartnerOrg(database.db, portalOwner, { name, zuoraAccountId: `Z-${name}`, invoiceOwner: "partner" });
    orgA = (await org("SAML A")).id;
    orgB = (await org("SAML B")).id;
    await database.db.insert(partnerDomain).values([
      { id: newId(), partnerOrgId: orgA, domain: "partner.example", verificationToken: "t-a", verifiedAt: new Date(), verificationMethod: "admin" },
      { id: newId(), partnerOrgId: orgB, domain: "other.example", verificationToken: "t-b", verifiedAt: new Date(), verificationMethod: "admin" },
    ]);
    for (const [partnerOrgId, provider] of [
      [orgA, idp],
      [orgB, otherIdp],
    ] as const) {
      const settings = parseIdpMetadata(provider.metadataXml());
      await database.db.insert(partnerSsoConnection).values({
        partnerOrgId,
        protocol: "saml",
        enabled: true,
        samlIdpMetadata: provider.metadataXml(),
        samlIdpEntityId: settings.entityId,
        samlIdpSsoUrl: settings.ssoUrl,
        samlIdpCertificates: settings.certificates,
      });
    }
    for (const email of ["person@partner.example", "boss@partner.example", "mallory@partner.example"]) {
      await createPartnerUser(database.db, portalOwner, orgA, { email, role: email.startsWith("boss") ? "admin" : "viewer", invite: false });
    }
  });
  after(async () => {
    await database.close();
  });
  beforeEach(async () => {
    await database.db.update(partnerSsoConnection).set({ enabled: true, jitEnabled: false }).where(eq(partnerSsoConnection.partnerOrgId, orgA));
  });

  /** A sign-in started at the SP, as the IdP reads it from the redirect. */
  async function startSignIn(partnerOrgId = orgA, options: { purpose?: "sign_in" | "test"; returnTo?: string; loginHint?: string } = {}) {
    const request = await createSsoRequest(db(), { partnerOrgId, protocol: "saml", purpose: options.purpose ?? "sign_in", returnTo: options.returnTo ?? null });
    const [connection] = await db().select().from(partnerSsoConnection).where(eq(partnerSsoConnection.partnerOrgId, partnerOrgId));
    const url = await samlSignInUrl(db(), connection!, request, options.loginHint);
    return { request, url, authn: readRedirectAuthnRequest(url) };
  }

  function postForm(partnerOrgId: string, body: string, contentType = "application/x-www-form-urlencoded"): Promise<Response> {
    const request = new Request(`http://localhost:3000/api/sso/${partnerOrgId}/saml/acs`, { method: "POST", headers: { "content-type": contentType }, body });
    return acsRoute.POST(request, { params: Promise.resolve({ partnerOrgId }) });
  }
  const post = (partnerOrgId: string, samlResponse: string, relayState?: string) =>
    postForm(partnerOrgId, new URLSearchParams({ SAMLResponse: samlResponse, ...(relayState ? { RelayState: relayState } : {}) }).toString());

  const ticketCount = async () => (await db().select({ n: sql<number>`count(*)::int` }).from(ssoTicket))[0]!.n;

  /** Signs `nameId` in (via the IdP, untampered unless `o` says) and posts the answer. */
  async function signIn(o: ResponseOptions = {}, partnerOrgId = orgA, provider = idp) {
    const { authn, request } = await startSignIn(partnerOrgId);
    return { res: await post(partnerOrgId, provider.samlResponseFor(authn, o), authn.relayState), authn, request };
  }

  async function assertSignedIn(res: Response) {
    assert.equal(res.status, 303);
    assert.equal(res.headers.get("location"), "/partner/sso/complete");
    assert.match(res.headers.get("set-cookie") ?? "", /^pm-sso-ticket=[\w-]{20,}; Path=\/; HttpOnly; SameSite=Lax/);
  }

  /** Refused: the refused page, no ticket issued, and the refusal in the audit trail. */
  async function assertRefused(res: Response, ticketsBefore: number, reason = "provider_error", detail?: RegExp) {
    assert.equal(res.status, 303, await res.clone().text());
    assert.equal(res.headers.get("location"), `/partner/sso/refused?reason=${reason}`);
    assert.equal(res.headers.get("set-cookie"), null);
    assert.equal(await ticketCount(), ticketsBefore);
    const [entry] = await db()
      .select()
      .from(activity)
      .where(and(eq(activity.action, "partner_user.sign_in_failed"), eq(activity.partnerOrgId, orgA)))
      .orderBy(sql`${activity.at} desc, ${activity.id} desc`)
      .limit(1);
    assert.equal((entry?.change as { reason?: string })?.reason, reason);
    if (detail) assert.match(String((entry?.change as { detail?: string }).detail), detail);
  }

  /** Runs an attack: `build` makes the Response XML for a fresh sign-in; it must be refused. */
  async function attack(build: (authn: AuthnRequestInfo) => string, detail?: RegExp, expectStatus: 303 | 400 = 303) {
    const before = await ticketCount();
    const { authn } = await startSignIn();
    const res = await post(orgA, toSamlResponse(build(authn)));
    if (expectStatus === 400) {
      assert.equal(res.status, 400);
      assert.equal(await ticketCount(), before);
      return res;
    }
    await assertRefused(res, before, "provider_error", detail);
    return res;
  }

  describe("the sign-in request and the happy path", () => {
    test("the AuthnRequest goes by HTTP-Redirect to the IdP with ID = the pending request, Destination, Issuer = SP entity ID, our ACS and RelayState", async () => {
      const { request, url, authn } = await startSignIn(orgA, { loginHint: "person@partner.example" });
      assert.ok(url.startsWith(`${idp.ssoUrl}?SAMLRequest=`));
      assert.equal(authn.id, request.id);
      assert.equal(authn.destination, idp.ssoUrl);
      assert.equal(authn.spEntityId, spEntityId(orgA));
      assert.equal(authn.spEntityId, `http://localhost:3000/api/sso/${orgA}/saml/metadata`);
      assert.equal(authn.acsUrl, spAcsUrl(orgA));
      assert.equal(authn.relayState, request.id);
      assert.equal(authn.loginHint, "person@partner.example");
      assert.match(authn.xml, /ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"/);
      assert.match(authn.xml, /Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"/);
    });

    test("a member signs in: the signed answer becomes a one-time ticket and a 303 to /partner/sso/complete", async () => {
      const before = await ticketCount();
      const { res, request } = await signIn({ nameId: "person@partner.example" });
      await assertSignedIn(res);
      assert.equal(await ticketCount(), before + 1);
      assert.equal((await db().select().from(ssoRequest).where(eq(ssoRequest.id, request.id))).length, 0, "the request is used up");
      assert.equal((await db().select().from(ssoAssertionSeen).where(eq(ssoAssertionSeen.partnerOrgId, orgA))).length > 0, true);
    });

    test("NameID in another format: the email comes from the email attribute (mail and the claims URI too); JIT takes names from givenName/surname", async () => {
      await db().update(partnerSsoConnection).set({ jitEnabled: true, jitRole: "maintainer" }).where(eq(partnerSsoConnection.partnerOrgId, orgA));
      const { res } = await signIn({
        nameId: "00u1abcd",
        nameIdFormat: "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent",
        attributes: { "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress": "newcomer@partner.example", givenName: "New", surname: "Comer" },
      });
      await assertSignedIn(res);
      const [created] = await db().select().from(partnerUser).where(eq(partnerUser.email, "newcomer@partner.example"));
      assert.equal(created?.partnerOrgId, orgA);
      assert.equal(created?.role, "maintainer");
      assert.equal(created?.firstName, "New");
      assert.equal(created?.lastName, "Comer");
    });

    test("a stranger of the verified domain without just-in-time members is refused as not a member", async () => {
      const before = await ticketCount();
      const { res } = await signIn({ nameId: "stranger@partner.example" });
      await assertRefused(res, before, "not_a_member");
    });

    test("a disabled connection refuses sign-ins (not_enabled) before verifying anything", async () => {
      await db().update(partnerSsoConnection).set({ enabled: false }).where(eq(partnerSsoConnection.partnerOrgId, orgA));
      const before = await ticketCount();
      const { res } = await signIn({ nameId: "person@partner.example" });
      await assertRefused(res, before, "not_enabled");
    });

    test("Test connection (even while disabled): success stores who came back and the attributes, then 303 to the settings page; nobody is signed in", async () => {
      await db().update(partnerSsoConnection).set({ enabled: false }).where(eq(partnerSsoConnection.partnerOrgId, orgA));
      const before = await ticketCount();
      const { authn } = await startSignIn(orgA, { purpose: "test", returnTo: "/partner/saml-a/settings" });
      const res = await post(orgA, idp.samlResponseFor(authn, { nameId: "boss@partner.example", attributes: { department: "Sales" } }));
      assert.equal(res.status, 303);
      assert.equal(res.headers.get("location"), "/partner/saml-a/settings");
      assert.equal(await ticketCount(), before);
      const [row] = await db().select().from(partnerSsoConnection).where(eq(partnerSsoConnection.partnerOrgId, orgA));
      const result = row!.lastTestResult as SsoTestResult;
      assert.equal(result.ok, true);
      assert.equal(result.protocol, "saml");
      assert.equal(result.subject, "boss@partner.example");
      assert.equal(result.email, "boss@partner.example");
      assert.equal(result.attributes?.department, "Sales");
      assert.equal(result.signIn, "Would sign in as a member (Admin).");
      assert.ok(row!.lastTestedAt);
    });

    test("Test connection that fails (wrong key) stores the error in words, then 303 back", async () => {
      const { authn } = await startSignIn(orgA, { purpose: "test", returnTo: "/settings/profile/partners/x" });
      const res = await post(orgA, idp.samlResponseFor(authn, { signingKey: makeIdpKey("Attacker") }));
      assert.equal(res.status, 303);
      assert.equal(res.headers.get("location"), "/settings/profile/partners/x");
      const [row] = await db().select().from(partnerSsoConnection).where(eq(partnerSsoConnection.partnerOrgId, orgA));
      const result = row!.lastTestResult as SsoTestResult;
      assert.equal(result.ok, false);
      assert.match(result.error ?? "", /not signed with a certificate of the IdP's metadata/);
    });

    test("an IdP's error status (Responder) is refused with its status in the audit trail", async () => {
      await attack((authn) => idp.responseXml(authn, "", { statusCode: "urn:oasis:names:tc:SAML:2.0:status:Responder" }), /IdP answered with an error: Responder/);
    });
  });

  describe("signatures, audience, recipient and time", () => {
    test("an unsigned assertion is refused", async () => {
      await attack((authn) => idp.responseXmlFor(authn, { signed: false, nameId: "boss@partner.example" }), /not signed/);
    });

    test("an assertion signed with another key (its certificate in KeyInfo) is refused", async () => {
      await attack((authn) => idp.responseXmlFor(authn, { signingKey: makeIdpKey("Attacker"), nameId: "boss@partner.example" }), /not signed/);
    });

    test("another partner's IdP, signing correctly with its own key, cannot sign people in at this partner", async () => {
      await attack((authn) => otherIdp.responseXmlFor(authn, { nameId: "boss@partner.example" }), /not signed/);
    });

    test("the right key but another Issuer is refused", async () => {
      await attack((authn) => idp.responseXmlFor(authn, { issuer: "https://evil.example/idp" }), /another IdP/);
    });

    test("wrong audience: an assertion the IdP made for another SP is refused", async () => {
      await attack((authn) => idp.responseXmlFor(authn, { audience: "https://other-sp.example/metadata" }), /another service provider/);
    });

    test("wrong recipient: an assertion for another ACS URL is refused", async () => {
      await attack((authn) => idp.responseXmlFor(authn, { recipient: "https://other-sp.example/acs" }), /Recipient/);
    });

    test("two subject confirmations: a current one for another ACS URL and an expired one for ours is refused", async () => {
      await attack((authn) => {
        const id = newSamlId();
        const past = new Date(Date.now() - 5 * 60_000).toISOString();
        const assertion = idp
          .assertionXml(authn, { assertionId: id, recipient: "https://other-sp.example/acs" })
          .replace(
            "</saml:Subject>",
            `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData InResponseTo="${authn.id}" NotOnOrAfter="${past}" Recipient="${authn.acsUrl}"/></saml:SubjectConfirmation></saml:Subject>`,
          );
        return idp.responseXml(authn, idp.sign(assertion, id));
      }, /subject confirmation has expired/);
    });

    test("wrong destination: a Response addressed to another ACS URL is refused", async () => {
      await attack((authn) => idp.responseXmlFor(authn, { destination: "https://other-sp.example/acs" }), /Destination/);
    });

    test("expired: NotOnOrAfter two minutes ago is refused", async () => {
      await attack((authn) => idp.responseXmlFor(authn, { notBeforeMs: -10 * 60_000, notOnOrAfterMs: -2 * 60_000 }), /expired|subject confirmation/);
    });

    test("not yet valid: NotBefore five minutes ahead is refused", async () => {
      await attack((authn) => idp.responseXmlFor(authn, { notBeforeMs: 5 * 60_000 }), /not valid yet/);
    });

    test("beyond the skew: NotBefore 90 s ahead is refused, while 30 s ahead (an IdP clock a little fast) is accepted", async () => {
      await attack((authn) => idp.responseXmlFor(authn, { notBeforeMs: 90_000 }), /not valid yet/);
      const { res } = await signIn({ nameId: "person@partner.example", notBeforeMs: 30_000 });
      await assertSignedIn(res);
    });

    test("beyond the skew: NotOnOrAfter 90 s ago is refused, while 30 s ago is accepted", async () => {
      await attack((authn) => idp.responseXmlFor(authn, { notOnOrAfterMs: -90_000 }), /expired|subject confirmation/);
      const { res } = await signIn({ nameId: "person@partner.example", notOnOrAfterMs: -30_000 });
      await assertSignedIn(res);
    });
  });

  describe("InResponseTo and replay", () => {
    test("InResponseTo unknown: an answer to a request never made here is refused", async () => {
      const before = await ticketCount();
      const { authn } = await startSignIn();
      const res = await post(orgA, idp.samlResponseFor({ ...authn, id: newSamlId() }));
      await assertRefused(res, before, "request_expired");
    });

    test("IdP-initiated: an unsolicited response (no InResponseTo) is refused", async () => {
      const before = await ticketCount();
      const { authn } = await startSignIn();
      const res = await post(orgA, idp.samlResponseFor(authn, { inResponseTo: null }));
      await assertRefused(res, before, "request_expired", /unsolicited/);
    });

    test("InResponseTo that is no ID of ours (a NUL character reference, quotes, SQL) is refused without a database error", async () => {
      for (const inResponseTo of ["_a&#0;b", "'; drop table sso_request; --", "x".repeat(300)]) {
        const before = await ticketCount();
        const { authn } = await startSignIn();
        const xml = idp.responseXmlFor(authn).replace(`InResponseTo="${authn.id}"`, `InResponseTo="${inResponseTo}"`);
        await assertRefused(await post(orgA, toSamlResponse(xml)), before, "request_expired");
      }
    });

    test("InResponseTo already used: replaying an accepted response is refused", async () => {
      const { authn } = await startSignIn();
      const samlResponse = idp.samlResponseFor(authn, { nameId: "person@partner.example" });
      await assertSignedIn(await post(orgA, samlResponse));
      const before = await ticketCount();
      await assertRefused(await post(orgA, samlResponse), before, "request_expired");
    });

    test("InResponseTo of another partner: a request started at partner B cannot be answered at partner A's ACS (nor the reverse)", async () => {
      const before = await ticketCount();
      const b = await startSignIn(orgB);
      // Partner A's IdP answers partner B's request, posted to A's ACS: B's request is not A's.
      await assertRefused(await post(orgA, idp.samlResponseFor({ ...b.authn, acsUrl: spAcsUrl(orgA), spEntityId: spEntityId(orgA) })), before, "request_expired");
      const a = await startSignIn(orgA);
      const res = await post(orgB, idp.samlResponseFor(a.authn, { nameId: "boss@partner.example" }));
      assert.equal(res.headers.get("location"), "/partner/sso/refused?reason=request_expired");
      assert.equal(await ticketCount(), before);
    });

    test("the Response's InResponseTo names a pending request but the signed assertion answers another one: refused", async () => {
      const old = await startSignIn();
      await attack((authn) => idp.responseXml(authn, idp.signedAssertionXml(old.authn, { nameId: "boss@partner.example" }), { inResponseTo: authn.id }), /InResponseTo/);
    });

    test("replay: an assertion ID accepted before is refused even when it answers a new request", async () => {
      const assertionId = newSamlId();
      const first = await signIn({ nameId: "person@partner.example", assertionId });
      await assertSignedIn(first.res);
      await attack((authn) => idp.responseXmlFor(authn, { nameId: "person@partner.example", assertionId }), /replayed/);
    });

    test("expired rows of the replay cache are pruned when an assertion is accepted", async () => {
      await db().insert(ssoAssertionSeen).values({ partnerOrgId: orgA, assertionId: "_old", expiresAt: new Date(Date.now() - 1000) });
      await assertSignedIn((await signIn({ nameId: "person@partner.example" })).res);
      assert.equal((await db().select().from(ssoAssertionSeen).where(eq(ssoAssertionSeen.assertionId, "_old"))).length, 0);
    });
  });

  describe("XML signature wrapping (XSW): only the signed assertion is ever read", () => {
    const SIGNATURE = /<ds:Signature[\s\S]*<\/ds:Signature>/;
    /** mallory's genuine signed assertion, and an unsigned evil one naming the Admin. */
    const parts = (authn: AuthnRequestInfo) => {
      const signed = idp.signedAssertionXml(authn, { nameId: "mallory@partner.example" });
      const evil = idp.assertionXml(authn, { nameId: "boss@partner.example", assertionId: "_evil" });
      return { signed, evil, signature: SIGNATURE.exec(signed)![0], signedId: /ID="([^"]+)"/.exec(signed)![1]! };
    };

    test("XSW1: the signed assertion moved into the Response's Extensions, an evil assertion in its place", async () => {
      await attack((authn) => {
        const { signed, evil } = parts(authn);
        return idp.responseXml(authn, `<samlp:Extensions>${signed}</samlp:Extensions>${evil}`);
      }, /not signed/);
    });

    test("XSW2: an evil assertion before the signed one", async () => {
      await attack((authn) => {
        const { signed, evil } = parts(authn);
        return idp.responseXml(authn, evil + signed);
      }, /structure/);
    });

    test("XSW3: an evil assertion after the signed one", async () => {
      await attack((authn) => {
        const { signed, evil } = parts(authn);
        return idp.responseXml(authn, signed + evil);
      }, /structure/);
    });

    test("XSW4: the evil assertion wraps the signed one (inside its Subject)", async () => {
      await attack((authn) => {
        const { signed, evil } = parts(authn);
        return idp.responseXml(authn, evil.replace("</saml:Subject>", `</saml:Subject><saml:Advice>${signed}</saml:Advice>`));
      }, /not signed/);
    });

    test("XSW5: the evil assertion carries a copy of the genuine signature, whose Reference names the signed assertion kept elsewhere", async () => {
      await attack((authn) => {
        const { signed, evil, signature } = parts(authn);
        const evilWithSignature = evil.replace(/(<saml:Issuer>[^<]*<\/saml:Issuer>)/, `$1${signature}`);
        return idp.responseXml(authn, `<samlp:Extensions>${signed}</samlp:Extensions>${evilWithSignature}`);
      }, /structure/);
    });

    test("XSW6: the signed assertion moved into the evil assertion's copied Signature (ds:Object)", async () => {
      await attack((authn) => {
        const { signed, evil, signature } = parts(authn);
        const wrapped = signature.replace("</ds:Signature>", `<ds:Object>${signed}</ds:Object></ds:Signature>`);
        return idp.responseXml(authn, evil.replace(/(<saml:Issuer>[^<]*<\/saml:Issuer>)/, `$1${wrapped}`));
      }, /structure/);
    });

    test("XSW7: the evil assertion takes the signed assertion's ID (two elements with one ID)", async () => {
      await attack((authn) => {
        const { signed, evil, signedId } = parts(authn);
        return idp.responseXml(authn, `<samlp:Extensions>${signed}</samlp:Extensions>${evil.replace('ID="_evil"', `ID="${signedId}"`)}`);
      }, /not signed|structure/);
    });

    test("XSW8: a duplicated Response: the genuine Response inside an evil one", async () => {
      await attack((authn) => {
        const { signed, evil } = parts(authn);
        const genuine = idp.responseXml(authn, signed);
        return idp.responseXml(authn, `<samlp:Extensions>${genuine}</samlp:Extensions>${evil}`);
      }, /not signed/);
    });

    test("XSW9: the signature references an ID that is not the assertion processed (an evil assertion under mallory's signature)", async () => {
      await attack((authn) => {
        const { signed, signedId } = parts(authn);
        // Same signature, but the assertion body swapped for the evil one with another ID: the digest no longer matches.
        const tampered = signed.replace("mallory@partner.example", "boss@partner.example").replace(`ID="${signedId}"`, 'ID="_other"');
        return idp.responseXml(authn, tampered);
      }, /structure|not signed/);
    });

    test("a signed assertion whose NameID was edited afterwards fails the digest", async () => {
      await attack((authn) => idp.responseXml(authn, parts(authn).signed.replace("mallory@partner.example", "boss@partner.example")), /not signed/);
    });

    test("comment injection: victim@partner.example<!---->.evil.example is read as the whole signed text, never as the victim", async () => {
      const before = await ticketCount();
      const { authn } = await startSignIn();
      const signed = idp.signedAssertionXml(authn, { nameId: "victim@partner.example.evil.example" });
      const injected = signed.replace("victim@partner.example.evil.example", "victim@partner.example<!---->.evil.example");
      assert.notEqual(injected, signed);
      await createPartnerUser(db(), portalOwner, orgA, { email: "victim@partner.example", invite: false }).catch((err) => {
        if (!(err instanceof DomainError)) throw err;
      });
      const res = await post(orgA, toSamlResponse(idp.responseXml(authn, injected)));
      assert.equal(res.headers.get("location"), "/partner/sso/refused?reason=domain_not_verified");
      assert.equal(await ticketCount(), before);
      const [entry] = await db().select().from(activity).where(eq(activity.action, "partner_user.sign_in_failed")).orderBy(sql`${activity.at} desc, ${activity.id} desc`).limit(1);
      assert.equal(entry?.actorLabel, "victim@partner.example.evil.example");
    });
  });

  describe("XXE and malformed input", () => {
    test("XXE: an external entity to a file is refused before parsing, without opening the file", { timeout: 10_000 }, async () => {
      // A named pipe: opening it would block until a writer comes, so a parser that tried would hang this test.
      const dir = mkdtempSync(path.join(tmpdir(), "saml-xxe-"));
      const fifo = path.join(dir, "secret");
      execFileSync("mkfifo", [fifo]);
      try {
        for (const target of [`file://${fifo}`, "file:///etc/passwd"]) {
          const res = await attack((authn) => `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "${target}">]>` + idp.responseXmlFor(authn, { nameId: "person@partner.example" }).replace("person@partner.example", "&xxe;"), undefined, 400);
          const body = (await res.json()) as { message: string };
          assert.match(body.message, /DOCTYPE or ENTITY/);
          assert.doesNotMatch(JSON.stringify(body), /root:/);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    test("billion laughs (entity expansion) is refused at once", async () => {
      const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ""};`.repeat(10)}">`).join("")}]>`;
      const started = Date.now();
      await attack((authn) => lol + idp.responseXmlFor(authn).replace("person@partner.example", "&lol9;"), undefined, 400);
      assert.ok(Date.now() - started < 2000);
    });

    test("not well-formed XML, not a Response, not base64, no SAMLResponse, not a form, an unknown partner: 400/404/415, never a 500", async () => {
      const cases: [Promise<Response>, number, RegExp][] = [
        [post(orgA, toSamlResponse("<samlp:Response xmlns:samlp='urn:oasis:names:tc:SAML:2.0:protocol'><unclosed></samlp:Response>")), 400, /not well-formed/],
        [post(orgA, toSamlResponse("<html><body>hello</body></html>")), 400, /not a SAML Response/],
        [post(orgA, toSamlResponse("\u0000\u0001 garbage")), 400, /not well-formed/],
        [post(orgA, "%%%not base64%%%"), 400, /not base64/],
        [postForm(orgA, "RelayState=x"), 400, /no SAMLResponse/],
        [postForm(orgA, '{"SAMLResponse":"x"}', "application/json"), 415, /as a form/],
        [post("no-such-partner", toSamlResponse("<x/>")), 404, /no SAML single sign-on/],
        [postForm(orgA, `SAMLResponse=${"A".repeat(2 * 1024 * 1024 + 10)}`), 413, /larger than/],
      ];
      for (const [pending, status, message] of cases) {
        const res = await pending;
        assert.equal(res.status, status);
        assert.match(((await res.json()) as { message: string }).message, message);
      }
    });
  });

  describe("IdP metadata", () => {
    test("good metadata: entityID, the HTTP-Redirect SSO URL and the signing certificate as PEM", () => {
      const settings = parseIdpMetadata(idp.metadataXml());
      assert.equal(settings.entityId, idp.entityId);
      assert.equal(settings.ssoUrl, idp.ssoUrl);
      assert.equal(settings.certificates.length, 1);
      assert.equal(settings.certificates[0]!.replace(/\s+/g, ""), idp.key.certificate.replace(/\s+/g, ""));
    });

    test("an EntitiesDescriptor holding one IdP is read; two IdPs are refused", () => {
      const one = idp.metadataXml().replace(/^<\?xml[^>]*>/, "");
      const wrap = (inner: string) => `<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata">${inner}</md:EntitiesDescriptor>`;
      assert.equal(parseIdpMetadata(wrap(one)).entityId, idp.entityId);
      assert.throws(() => parseIdpMetadata(wrap(one + otherIdp.metadataXml().replace(/^<\?xml[^>]*>/, ""))), /more than one identity provider/);
    });

    const refuses = (xml: string, message: RegExp) =>
      assert.throws(
        () => parseIdpMetadata(xml),
        (err: unknown) => err instanceof DomainError && err.code === "invalid" && message.test(err.message),
      );

    test("refused with a clear message: no certificate, DOCTYPE, ENTITY, not XML, not metadata, POST-only, no entityID, empty, over 1 MB", () => {
      refuses(idp.metadataXml({ withCertificate: false }), /no signing certificate/);
      refuses(`<!DOCTYPE md [<!ENTITY x SYSTEM "file:///etc/passwd">]>${idp.metadataXml().replace(/^<\?xml[^>]*>/, "")}`, /DOCTYPE or ENTITY/);
      refuses(idp.metadataXml().replace("<md:IDPSSODescriptor", '<!ENTITY x "y"><md:IDPSSODescriptor'), /DOCTYPE or ENTITY/);
      refuses("<md:EntityDescriptor", /not well-formed/);
      refuses("<html/>", /no EntityDescriptor/);
      refuses(idp.metadataXml({ bindings: ["urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"] }), /only with the HTTP-POST binding/);
      refuses(idp.metadataXml().replace(/entityID="[^"]*"/, ""), /no entityID/);
      refuses("  ", /Paste the IdP metadata/);
      refuses(`<x>${" ".repeat(1024 * 1024)}</x>`, /larger than 1 MB/);
      refuses(idp.metadataXml().replace(idp.key.certificateBody, "bm90IGEgY2VydGlmaWNhdGU="), /not a valid X.509 certificate/);
      refuses(idp.metadataXml().replace('WantAuthnRequestsSigned="false"', 'WantAuthnRequestsSigned="true"'), /signed AuthnRequests/);
    });

    test("the IdP SSO URL must be https on a public host unless SSO_ALLOW_PRIVATE_ADDRESSES=true", () => {
      const local = new TestSamlIdp("http://127.0.0.1:4000/metadata", "http://127.0.0.1:4000/sso", idp.key);
      const privateHttps = new TestSamlIdp("https://10.0.0.5/metadata", "https://10.0.0.5/sso", idp.key);
      const publicHttp = new TestSamlIdp("http://idp.example/metadata", "http://idp.example/sso", idp.key);
      const saved = process.env.SSO_ALLOW_PRIVATE_ADDRESSES;
      try {
        delete process.env.SSO_ALLOW_PRIVATE_ADDRESSES;
        refuses(local.metadataXml(), /must be an https:\/\/ URL/);
        refuses(publicHttp.metadataXml(), /must be an https:\/\/ URL/);
        refuses(privateHttps.metadataXml(), /public host/);
        process.env.SSO_ALLOW_PRIVATE_ADDRESSES = "true";
        assert.equal(parseIdpMetadata(local.metadataXml()).ssoUrl, "http://127.0.0.1:4000/sso");
      } finally {
        if (saved === undefined) delete process.env.SSO_ALLOW_PRIVATE_ADDRESSES;
        else process.env.SSO_ALLOW_PRIVATE_ADDRESSES = saved;
      }
    });
  });

  describe("saving a SAML connection (Settings > Single sign-on)", () => {
    test("the metadata is read on save (entity ID, SSO URL, certificates); bad metadata is refused at its field and nothing is written", async () => {
      const orgC = (await createPartnerOrg(db(), portalOwner, { name: "SAML C", zuoraAccountId: "Z-C", invoiceOwner: "partner" })).id;
      const input = (metadataXml: string) => ({ orgId: orgC, protocol: "saml" as const, issuer: "", clientId: "", clientSecret: "", metadataXml });
      await assert.rejects(
        saveSsoConnection(db(), portalOwner, input(idp.metadataXml({ withCertificate: false }))),
        (err: unknown) => err instanceof DomainError && err.code === "invalid" && /no signing certificate/.test(err.fieldErrors.metadataXml?.[0] ?? ""),
      );
      assert.equal((await db().select().from(partnerSsoConnection).where(eq(partnerSsoConnection.partnerOrgId, orgC))).length, 0);
      await saveSsoConnection(db(), portalOwner, input(idp.metadataXml()));
      const [row] = await db().select().from(partnerSsoConnection).where(eq(partnerSsoConnection.partnerOrgId, orgC));
      assert.equal(row?.protocol, "saml");
      assert.equal(row?.samlIdpEntityId, idp.entityId);
      assert.equal(row?.samlIdpSsoUrl, idp.ssoUrl);
      assert.equal(row?.samlIdpCertificates?.length, 1);
    });
  });

  describe("SP metadata", () => {
    const get = (partnerOrgId: string, query = "") =>
      metadataRoute.GET(new Request(`http://localhost:3000/api/sso/${partnerOrgId}/saml/metadata${query}`), { params: Promise.resolve({ partnerOrgId }) });

    test("the SP metadata: entity ID, ACS by HTTP-POST, signed assertions wanted, NameID emailAddress; ?download=1 is an attachment", async () => {
      const res = await get(orgA);
      assert.equal(res.status, 200);
      assert.match(res.headers.get("content-type") ?? "", /^application\/samlmetadata\+xml/);
      assert.equal(res.headers.get("content-disposition"), null);
      const xml = await res.text();
      assert.ok(xml.includes(`entityID="${spEntityId(orgA)}"`));
      assert.ok(xml.includes(`Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${spAcsUrl(orgA)}"`));
      assert.match(xml, /WantAssertionsSigned="true"/);
      assert.match(xml, /<NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress<\/NameIDFormat>/);
      const download = await get(orgA, "?download=1");
      assert.match(download.headers.get("content-disposition") ?? "", /^attachment; filename="sp-metadata-[a-z0-9-]+\.xml"$/);
    });

    test("an unknown partner has no SP metadata (404)", async () => {
      assert.equal((await get("nope")).status, 404);
    });
  });
});
