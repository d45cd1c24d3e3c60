import "server-only";
import { eq, lt } from "drizzle-orm";
import type { Profile } from "@node-saml/node-saml";
import type { Db } from "@/db";
import { partnerOrg, partnerSsoConnection, ssoAssertionSeen } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record";
import { json } from "@/lib/api/errors";
import { finishSsoSignIn, reportSsoTest, safeReturnTo, ssoRedirect, ssoRefusedResponse, type SsoIdentity, type SsoRefusal } from "@/lib/sso/complete";
import { recordSsoTestResult, takeSsoRequest, type SsoRequestRow } from "@/lib/sso/requests";
import { declaresDoctypeOrEntity, EMAIL_NAME_ID_FORMAT, MAX_SAML_XML_BYTES, parseXmlStrict, SAML_CLOCK_SKEW_MS, samlServiceProvider, spAcsUrl, spMetadataXml } from "@/lib/sso/saml";
import { samlAcsFormSchema } from "@/lib/validations/saml";

/**
 * A partner's Assertion Consumer Service: the IdP's signed answer, posted by the browser
 * (HTTP-POST binding), becomes a sign-in (or a "Test connection" report) only when
 * - it is well-formed XML without DOCTYPE/ENTITY declarations (XXE, entity expansion);
 * - its InResponseTo names a pending SAML sign-in of this partner, taken once: answers nobody
 *   asked for (IdP-initiated, unsolicited) are refused, as are late and replayed ones;
 * - node-saml verifies it: exactly one assertion, signed with a certificate of the partner's IdP
 *   metadata (only the signed bytes are read after that: signature wrapping finds nothing),
 *   audience = our SP entity ID, NotBefore/NotOnOrAfter within a minute of skew, and the
 *   SubjectConfirmationData answering the same request;
 * - the signed assertion comes from the IdP's entity ID and names our ACS as its Recipient
 *   (and the Response, if it says, our ACS as its Destination);
 * - its ID was never accepted before (sso_assertion_seen, kept until it expires).
 * Malformed input is answered 400; every refusal of an answer is audited
 * (partner_user.sign_in_failed) and shown on the refused page, or reported to the tester.
 */

const SAML_ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";
const SAML_PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
const BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";
/** How long an accepted assertion ID is remembered when the assertion gives no NotOnOrAfter. */
const SEEN_DEFAULT_MS = 10 * 60_000;

/** A refusal of the answer itself, in words an Admin can act on. */
class SamlRefusal extends Error {}

const plain = (status: number, message: string) => json({ message }, status);

async function auditFailure(db: Db, partnerOrgId: string, reason: SsoRefusal | "malformed_response", detail?: string): Promise<void> {
  await recordActivity(db, { kind: "anonymous", label: "sso:saml" }, {
    action: "partner_user.sign_in_failed",
    targetKind: "partner_user",
    partnerOrgId,
    change: { method: "sso:saml", reason, ...(detail ? { detail } : {}) },
    success: false,
  });
}

/** What node-saml's refusals mean, for the Test connection report and the audit trail. */
export function describeSamlError(err: unknown): string {
  const message = err instanceof Error ? err.message : "";
  if (err instanceof SamlRefusal) return message;
  const status = /SAML provider returned (\w+) error: (.*)$/s.exec(message);
  if (status) return `The IdP answered with an error: ${status[1]} (${status[2]!.slice(0, 200)}).`;
  if (/multiple assertions|Too many signatures|more than one element|Referenced node|too many transforms|signed references/i.test(message)) {
    return "The response's structure is not accepted (several assertions, signatures or references).";
  }
  if (/signature/i.test(message)) return "The assertion is not signed with a certificate of the IdP's metadata, or its signature is not valid.";
  if (/audience/i.test(message)) return "The assertion is meant for another service provider (its Audience is not this SP's entity ID).";
  if (/not yet valid/i.test(message)) return "The assertion is not valid yet (NotBefore is in the future: check the IdP's clock).";
  if (/expired|too old/i.test(message)) return "The assertion has expired (NotOnOrAfter is past).";
  if (/subject confirmation/i.test(message)) return "The assertion's subject confirmation has expired or is not valid.";
  if (/InResponseTo/i.test(message)) return "The assertion answers another sign-in request (InResponseTo).";
  if (/Missing SAML assertion/i.test(message)) return "The response carries no assertion.";
  if (/issuer/i.test(message)) return "The response comes from another IdP (its Issuer is not the metadata's entityID).";
  return "The IdP's response could not be verified.";
}

const first = (value: unknown): string | null => {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === "string" && v.trim() ? v.trim() : null;
};

const EMAIL_ATTRIBUTES = ["email", "mail", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", "urn:oid:0.9.2342.19200300.100.1.3"];
const GIVEN_NAME_ATTRIBUTES = ["givenName", "given_name", "firstName", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname", "urn:oid:2.5.4.42"];
const SURNAME_ATTRIBUTES = ["surname", "sn", "lastName", "family_name", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname", "urn:oid:2.5.4.4"];
const NAME_ATTRIBUTES = ["displayName", "name", "http://schemas.microsoft.com/identity/claims/displayname", "urn:oid:2.16.840.1.113730.3.1.241"];

const pick = (attributes: Record<string, unknown>, names: string[]) => {
  for (const name of names) {
    const value = first(attributes[name]);
    if (value) return value.slice(0, 254);
  }
  return null;
};

/** Who the verified assertion names: NameID (emailAddress format) or the usual email attributes. */
function identityOf(partnerOrgId: string, profile: Profile): SsoIdentity & { attributes: Record<string, unknown> } {
  const attributes = (profile.attributes ?? {}) as Record<string, unknown>;
  const nameId = profile.nameID?.trim() ?? "";
  const email = (profile.nameIDFormat === EMAIL_NAME_ID_FORMAT && nameId ? nameId : null) ?? pick(attributes, EMAIL_ATTRIBUTES);
  const firstName = pick(attributes, GIVEN_NAME_ATTRIBUTES);
  const lastName = pick(attributes, SURNAME_ATTRIBUTES);
  return {
    partnerOrgId,
    protocol: "saml",
    subject: nameId.slice(0, 500),
    email: email && email.length <= 254 ? email : null,
    // The IdP asserts the address of an account it manages.
    emailVerified: true,
    firstName,
    lastName,
    name: pick(attributes, NAME_ATTRIBUTES) ?? ([firstName, lastName].filter(Boolean).join(" ") || null),
    attributes,
  };
}

/**
 * The checks node-saml leaves to the SP, on the signed assertion's bytes only: Issuer,
 * bearer SubjectConfirmationData (Recipient = our ACS, InResponseTo = this request), and the
 * Response's Destination. Returns the assertion's ID and how long to remember it.
 */
function checkSignedAssertion(signedAssertionXml: string, responseDoc: Document, expect: { issuer: string; acsUrl: string; requestId: string }): { id: string; expiresAt: Date } {
  const destination = responseDoc.documentElement.getAttribute("Destination");
  if (destination && destination !== expect.acsUrl) throw new SamlRefusal("The response is addressed to another ACS URL (Destination).");

  const doc = parseXmlStrict(signedAssertionXml);
  const assertion = doc?.documentElement;
  if (!assertion || assertion.localName !== "Assertion" || assertion.namespaceURI !== SAML_ASSERTION) throw new SamlRefusal("The signed part of the response is not an assertion.");
  const id = assertion.getAttribute("ID") ?? "";
  if (!id || id.length > 200) throw new SamlRefusal("The assertion has no ID.");

  const issuer = Array.from(assertion.childNodes).find((n) => n.nodeType === 1 && (n as Element).localName === "Issuer")?.textContent?.trim();
  if (issuer !== expect.issuer) throw new SamlRefusal("The assertion comes from another IdP (its Issuer is not the metadata's entityID).");

  const now = Date.now();
  const confirmations = Array.from(assertion.getElementsByTagNameNS(SAML_ASSERTION, "SubjectConfirmation")).filter((c) => c.getAttribute("Method") === BEARER);
  const data = confirmations.flatMap((c) => Array.from(c.getElementsByTagNameNS(SAML_ASSERTION, "SubjectConfirmationData")));
  const current = (d: Element) => {
    const notOnOrAfter = Date.parse(d.getAttribute("NotOnOrAfter") ?? "");
    return Number.isFinite(notOnOrAfter) && now - SAML_CLOCK_SKEW_MS < notOnOrAfter;
  };
  const matching = data.filter((d) => d.getAttribute("Recipient") === expect.acsUrl && d.getAttribute("InResponseTo") === expect.requestId && current(d));
  if (matching.length === 0) {
    const answering = data.filter((d) => d.getAttribute("InResponseTo") === expect.requestId);
    if (answering.some((d) => d.getAttribute("Recipient") === expect.acsUrl)) throw new SamlRefusal("The assertion's subject confirmation has expired (NotOnOrAfter).");
    if (answering.length) throw new SamlRefusal("The assertion is meant for another ACS URL (Recipient).");
    throw new SamlRefusal("The assertion answers another sign-in request (InResponseTo).");
  }
  const limits = [...matching.map((d) => d.getAttribute("NotOnOrAfter")), ...Array.from(assertion.getElementsByTagNameNS(SAML_ASSERTION, "Conditions")).map((c) => c.getAttribute("NotOnOrAfter"))]
    .map((v) => (v ? Date.parse(v) : NaN))
    .filter((v) => Number.isFinite(v));
  const expiresAt = new Date(Math.max(now + 60_000, limits.length ? Math.max(...limits) + 60_000 : now + SEEN_DEFAULT_MS));
  return { id, expiresAt };
}

/** Remembers an accepted assertion ID until it expires; false when it was accepted before (a replay). */
async function firstSighting(db: Db, partnerOrgId: string, assertionId: string, expiresAt: Date): Promise<boolean> {
  await db.delete(ssoAssertionSeen).where(lt(ssoAssertionSeen.expiresAt, new Date()));
  const inserted = await db.insert(ssoAssertionSeen).values({ partnerOrgId, assertionId, expiresAt }).onConflictDoNothing().returning({ id: ssoAssertionSeen.assertionId });
  return inserted.length === 1;
}

/**
 * The ACS: takes the posted form (already read within its size bound) and answers a redirect
 * (303) to the complete page, the refused page or the tester's settings page; 400/404 for what
 * is not an IdP's answer at all.
 */
export async function acceptSamlResponse(db: Db, partnerOrgId: string, form: unknown): Promise<Response> {
  if (typeof partnerOrgId !== "string" || partnerOrgId.length > 100) return plain(404, "This partner has no SAML single sign-on.");
  const [connection] = await db.select().from(partnerSsoConnection).where(eq(partnerSsoConnection.partnerOrgId, partnerOrgId));
  if (!connection) return plain(404, "This partner has no SAML single sign-on.");

  const parsed = samlAcsFormSchema.safeParse(form);
  if (!parsed.success) return plain(400, parsed.error.issues[0]?.message ?? "The form is not a SAML response.");
  const samlResponse = parsed.data.SAMLResponse.replace(/\s+/g, "");
  const xml = Buffer.from(samlResponse, "base64").toString("utf8");
  const malformed = async (message: string) => {
    await auditFailure(db, partnerOrgId, "malformed_response", message);
    return plain(400, message);
  };
  if (Buffer.byteLength(xml) > MAX_SAML_XML_BYTES) return malformed("The SAMLResponse is larger than 1 MB.");
  if (declaresDoctypeOrEntity(xml)) return malformed("The SAMLResponse declares a DOCTYPE or ENTITY; SAML messages must not.");
  const doc = parseXmlStrict(xml);
  if (!doc) return malformed("The SAMLResponse is not well-formed XML.");
  if (doc.documentElement.localName !== "Response" || doc.documentElement.namespaceURI !== SAML_PROTOCOL) return malformed("The SAMLResponse is not a SAML Response.");

  // Only answers to a sign-in started here: no IdP-initiated (unsolicited) sign-in.
  const inResponseTo = doc.documentElement.getAttribute("InResponseTo") ?? "";
  // Our request IDs are xs:ID values ("_" and letters/digits): anything else names no request of ours.
  const request = /^[A-Za-z_][\w.-]{0,99}$/.test(inResponseTo) ? await takeSsoRequest(db, inResponseTo, partnerOrgId, "saml") : null;
  if (!request) {
    await auditFailure(db, partnerOrgId, "request_expired", inResponseTo ? "InResponseTo names no pending sign-in" : "unsolicited response (no InResponseTo)");
    return ssoRefusedResponse("request_expired");
  }
  return answerRequest(db, connection, request, samlResponse, doc);
}

async function answerRequest(
  db: Db,
  connection: typeof partnerSsoConnection.$inferSelect,
  request: SsoRequestRow,
  samlResponse: string,
  responseDoc: Document,
): Promise<Response> {
  const partnerOrgId = connection.partnerOrgId;
  const testing = request.purpose === "test";
  const back = safeReturnTo(request.returnTo) ?? "/";
  const refuse = async (reason: SsoRefusal, error: string) => {
    if (testing) {
      await recordSsoTestResult(db, partnerOrgId, { ok: false, protocol: "saml", error });
      return ssoRedirect(back);
    }
    await auditFailure(db, partnerOrgId, reason, error);
    return ssoRefusedResponse(reason);
  };

  if (connection.protocol !== "saml") return refuse("provider_error", "This partner's single sign-on is no longer set up for SAML 2.0.");
  if (!testing && !connection.enabled) return refuse("not_enabled", "Single sign-on is turned off for this partner.");

  let profile: Profile;
  let assertion: { id: string; expiresAt: Date };
  try {
    const result = await samlServiceProvider(connection, request).validatePostResponseAsync({ SAMLResponse: samlResponse });
    if (!result.profile) throw new SamlRefusal("The response carries no assertion.");
    profile = result.profile;
    assertion = checkSignedAssertion(profile.getAssertionXml?.() ?? "", responseDoc, {
      issuer: connection.samlIdpEntityId ?? "",
      acsUrl: spAcsUrl(partnerOrgId),
      requestId: request.id,
    });
  } catch (err) {
    return refuse("provider_error", describeSamlError(err));
  }
  if (!(await firstSighting(db, partnerOrgId, assertion.id, assertion.expiresAt))) {
    return refuse("provider_error", "This assertion was accepted before: a replayed response is refused.");
  }

  const { attributes, ...person } = identityOf(partnerOrgId, profile);
  if (testing) {
    await reportSsoTest(db, person, attributes);
    return ssoRedirect(back);
  }
  return finishSsoSignIn(db, person, request.returnTo);
}

/** The SP metadata of an existing partner (404 otherwise), inline or as a download. */
export async function samlSpMetadataResponse(db: Db, partnerOrgId: string, download: boolean): Promise<Response> {
  const [org] = partnerOrgId.length <= 100 ? await db.select({ id: partnerOrg.id, slug: partnerOrg.slug }).from(partnerOrg).where(eq(partnerOrg.id, partnerOrgId)) : [];
  if (!org) return plain(404, "There is no such partner.");
  const headers = new Headers({ "Content-Type": "application/samlmetadata+xml; charset=utf-8", "Cache-Control": "no-store" });
  if (download) headers.set("Content-Disposition", `attachment; filename="sp-metadata-${org.slug.replace(/[^a-z0-9-]/gi, "")}.xml"`);
  return new Response(spMetadataXml(org.id), { status: 200, headers });
}
