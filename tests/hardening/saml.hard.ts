/**
 * A partner's SAML ACS against the built server: a real sign-in over HTTP with the test IdP, then
 * hostile input (random forms, random XML, entity tricks, huge bodies): never a 5xx or a stack
 * trace, never a ticket, and nothing a caller could change is written.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { rowsOf } from "@/db";
import { partnerDomain, partnerSsoConnection } from "@/db/schema";
import { newId } from "@/lib/ids";
import { createSsoRequest } from "@/lib/sso/requests";
import { parseIdpMetadata, samlSignInUrl } from "@/lib/sso/saml";
import { readRedirectAuthnRequest, TestSamlIdp, toSamlResponse } from "../helpers/saml-idp";
import { makeWorld, snapshot, type World } from "./world";

let w: World;
const idp = new TestSamlIdp("https://idp.partner.example/saml", "https://idp.partner.example/saml/sso");
const RUNS = Number(process.env.HOSTILE_RUNS || 30);

before(async () => {
  w = await makeWorld(3690);
  // The SP's addresses (entity ID, ACS) are the built server's, as the AuthnRequests made here must say.
  process.env.APP_URL = w.app.base;
  const settings = parseIdpMetadata(idp.metadataXml());
  await w.database.db.insert(partnerSsoConnection).values({
    partnerOrgId: w.orgA.id,
    protocol: "saml",
    enabled: true,
    samlIdpMetadata: idp.metadataXml(),
    samlIdpEntityId: settings.entityId,
    samlIdpSsoUrl: settings.ssoUrl,
    samlIdpCertificates: settings.certificates,
  });
  await w.database.db.insert(partnerDomain).values({ id: newId(), partnerOrgId: w.orgA.id, domain: "partner.example", verificationToken: "t", verifiedAt: new Date(), verificationMethod: "admin" });
});
after(async () => {
  await w?.drop();
});

const acs = () => `/api/sso/${w.orgA.id}/saml/acs`;
const tickets = async () => Number(rowsOf<{ n: string }>(await w.database.db.execute(sql`select count(*)::text as n from sso_ticket`))[0]!.n);
const postForm = (body: string, contentType = "application/x-www-form-urlencoded") =>
  w.clients.anonymous.fetch(acs(), { method: "POST", headers: { "content-type": contentType }, body });

/** The SP's AuthnRequest for a fresh sign-in, as the IdP reads it (the app's own code makes it). */
async function startSignIn() {
  const request = await createSsoRequest(w.database.db, { partnerOrgId: w.orgA.id, protocol: "saml", purpose: "sign_in" });
  const [connection] = await w.database.db.select().from(partnerSsoConnection).where(sql`${partnerSsoConnection.partnerOrgId} = ${w.orgA.id}`);
  return readRedirectAuthnRequest(await samlSignInUrl(w.database.db, connection!, request));
}

const noStack = (body: string) => !/\bat [\w.<>]+ \(|node_modules|Error: /.test(body);

test("the built server: a partner Admin signs in through the ACS with a signed answer of the test IdP, then the same answer replayed is refused", async () => {
  // The APP_URL of the built server is the SP's address; the test IdP answers what the AuthnRequest asked.
  const authn = await startSignIn();
  const samlResponse = idp.samlResponseFor(authn, { nameId: w.emails.pAdmin! });
  const before = await tickets();
  const res = await postForm(new URLSearchParams({ SAMLResponse: samlResponse, RelayState: authn.relayState ?? "" }).toString());
  assert.equal(res.status, 303, `${res.status} ${await res.text()}`);
  assert.equal(res.headers.get("location"), "/partner/sso/complete");
  assert.match(res.headers.get("set-cookie") ?? "", /pm-sso-ticket=/);
  assert.equal(await tickets(), before + 1);
  const replay = await postForm(new URLSearchParams({ SAMLResponse: samlResponse }).toString());
  assert.equal(replay.status, 303);
  assert.equal(replay.headers.get("location"), "/partner/sso/refused?reason=request_expired");
  assert.equal(await tickets(), before + 1);
});

test("random forms and bodies at the ACS: never a 5xx or a stack trace, never a ticket, nothing written", async () => {
  const failures: string[] = [];
  const xmlish = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.constantFrom(
      '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" InResponseTo="_x">&x;</samlp:Response>',
      '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" InResponseTo="_x"/>',
      '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"><saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_a"/></samlp:Response>',
      "<samlp:Response xmlns:samlp='urn:oasis:names:tc:SAML:2.0:protocol' InResponseTo=\"'; drop table sso_request; --\"/>",
      "<a><b></a>",
      "\u0000\uFFFF\uD800",
    ),
    fc.string({ unit: "grapheme", maxLength: 200 }).map((s) => `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" InResponseTo="${s.replace(/"/g, "")}">${s}</samlp:Response>`),
  );
  const body = fc.oneof(
    xmlish.map((x) => ({ form: new URLSearchParams({ SAMLResponse: Buffer.from(x).toString("base64") }).toString() })),
    fc.dictionary(fc.constantFrom("SAMLResponse", "RelayState", "SAMLRequest", "__proto__", "x"), fc.string({ maxLength: 100 })).map((d) => ({ form: new URLSearchParams(d).toString() })),
    fc.string({ maxLength: 300 }).map((raw) => ({ form: raw })),
    fc.tuple(fc.constantFrom("application/json", "text/xml", "multipart/form-data", ""), fc.string({ maxLength: 100 })).map(([contentType, raw]) => ({ form: raw, contentType })),
  );
  await fc.assert(
    fc.asyncProperty(body, async (input) => {
      const state = await snapshot(w.database);
      const ticketsBefore = await tickets();
      const res = await postForm(input.form, "contentType" in input ? input.contentType : undefined);
      const text = await res.text();
      if (res.status >= 500) failures.push(`HTTP ${res.status} for ${JSON.stringify(input).slice(0, 200)}`);
      if (!noStack(text)) failures.push(`stack trace for ${JSON.stringify(input).slice(0, 200)}: ${text.slice(0, 200)}`);
      if ((await tickets()) !== ticketsBefore || (await snapshot(w.database)) !== state) failures.push(`wrote for ${JSON.stringify(input).slice(0, 200)}`);
      return failures.length === 0;
    }),
    { numRuns: RUNS * 3, seed: 29 },
  );
  assert.deepEqual(failures, []);
});

test("entity tricks and oversized bodies: refused quickly (400/413), the file never in the answer", async () => {
  const authn = await startSignIn();
  const genuine = idp.responseXmlFor(authn, { nameId: w.emails.pAdmin! });
  const laughs = `<!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">${Array.from({ length: 8 }, (_, i) => `<!ENTITY a${i + 1} "${`&a${i || ""};`.repeat(10)}">`).join("")}]>`;
  const cases: [string, number][] = [
    [`<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${genuine.replace(w.emails.pAdmin!, "&xxe;")}`, 400],
    [`<!DOCTYPE r [<!ENTITY % p SYSTEM "http://127.0.0.1:1/evil.dtd"> %p;]>${genuine}`, 400],
    [laughs + genuine.replace(w.emails.pAdmin!, "&a8;"), 400],
  ];
  const started = Date.now();
  for (const [xml, status] of cases) {
    const res = await postForm(new URLSearchParams({ SAMLResponse: toSamlResponse(xml) }).toString());
    const text = await res.text();
    assert.equal(res.status, status, text);
    assert.doesNotMatch(text, /root:/);
  }
  assert.ok(Date.now() - started < 5000);
  const huge = await postForm(`SAMLResponse=${"QUFB".repeat(600_000)}`);
  assert.equal(huge.status, 413);
  // The genuine answer's request was not used up by the refusals above: it still signs in.
  const ok = await postForm(new URLSearchParams({ SAMLResponse: toSamlResponse(genuine) }).toString());
  assert.equal(ok.headers.get("location"), "/partner/sso/complete");
});
