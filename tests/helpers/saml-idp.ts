import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { inflateRawSync } from "node:zlib";
import { DOMParser } from "@xmldom/xmldom";
import { SignedXml } from "xml-crypto";

/**
 * A real SAML 2.0 identity provider for tests (unit and e2e): an RSA key and a self-signed
 * certificate made by openssl at test time (never committed), its metadata, and signed
 * SAMLResponses made with xml-crypto (what real IdPs do: an enveloped RSA-SHA256 signature with
 * exclusive canonicalisation over the Assertion). Options make the tampered answers attacks send.
 */

export interface IdpKey {
  privateKey: string;
  certificate: string;
  /** The certificate's base64 body, as metadata and KeyInfo carry it. */
  certificateBody: string;
}

/** A fresh 2048-bit RSA key and a self-signed certificate for it (openssl). */
export function makeIdpKey(commonName = "Test IdP"): IdpKey {
  const dir = mkdtempSync(path.join(tmpdir(), "saml-idp-"));
  try {
    const key = path.join(dir, "key.pem");
    const cert = path.join(dir, "cert.pem");
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "2", "-subj", `/CN=${commonName}`], { stdio: "ignore" });
    const certificate = readFileSync(cert, "utf8");
    return { privateKey: readFileSync(key, "utf8"), certificate, certificateBody: certificate.replace(/-----[^-]+-----/g, "").replace(/\s+/g, "") };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const EMAIL_FORMAT = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";
const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const iso = (ms: number) => new Date(ms).toISOString();
export const newSamlId = () => `_${randomBytes(16).toString("hex")}`;

/** What the SP asked for (read from its AuthnRequest). */
export interface AuthnRequestInfo {
  id: string;
  acsUrl: string;
  /** The SP's entity ID (the AuthnRequest's Issuer): the audience. */
  spEntityId: string;
  relayState?: string;
}

export interface ResponseOptions {
  /** NameID (emailAddress format unless `nameIdFormat`). Raw XML allowed: it is not escaped when `rawNameId`. */
  nameId?: string;
  nameIdFormat?: string;
  rawNameId?: boolean;
  attributes?: Record<string, string | string[]>;
  audience?: string;
  recipient?: string;
  destination?: string | null;
  inResponseTo?: string | null;
  /** The SubjectConfirmationData's InResponseTo when it differs from the Response's. */
  subjectInResponseTo?: string | null;
  issuer?: string;
  assertionId?: string;
  /** Offsets from now, ms: NotBefore (default −5 s) and NotOnOrAfter (default +5 min). */
  notBeforeMs?: number;
  notOnOrAfterMs?: number;
  /** false: no signature at all. */
  signed?: boolean;
  /** Sign with this key instead of the IdP's (its certificate goes in KeyInfo). */
  signingKey?: IdpKey;
  /** Also sign the Response element (after the assertion). */
  signResponse?: boolean;
  statusCode?: string;
}

export class TestSamlIdp {
  readonly key: IdpKey;
  constructor(
    readonly entityId: string,
    readonly ssoUrl: string,
    key?: IdpKey,
  ) {
    this.key = key ?? makeIdpKey();
  }

  /** The IdP's metadata: signing certificate and an HTTP-Redirect SingleSignOnService. */
  metadataXml(options: { withCertificate?: boolean; bindings?: string[] } = {}): string {
    const bindings = options.bindings ?? ["urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect", "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"];
    const keyDescriptor =
      options.withCertificate === false
        ? ""
        : `<md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>${this.key.certificateBody}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`;
    return `<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${xmlEscape(this.entityId)}">
  <md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    ${keyDescriptor}
    <md:NameIDFormat>${EMAIL_FORMAT}</md:NameIDFormat>
    ${bindings.map((b) => `<md:SingleSignOnService Binding="${b}" Location="${xmlEscape(this.ssoUrl)}"/>`).join("\n    ")}
  </md:IDPSSODescriptor>
</md:EntityDescriptor>`;
  }

  /** The unsigned Assertion element's XML. */
  assertionXml(request: AuthnRequestInfo, o: ResponseOptions = {}): string {
    const now = Date.now();
    const assertionId = o.assertionId ?? newSamlId();
    const inResponseTo = o.subjectInResponseTo !== undefined ? o.subjectInResponseTo : o.inResponseTo !== undefined ? o.inResponseTo : request.id;
    const nameId = o.nameId ?? "person@partner.example";
    const notBefore = iso(now + (o.notBeforeMs ?? -5_000));
    const notOnOrAfter = iso(now + (o.notOnOrAfterMs ?? 5 * 60_000));
    const attributes = Object.entries(o.attributes ?? {})
      .map(
        ([name, value]) =>
          `<saml:Attribute Name="${xmlEscape(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:basic">${(Array.isArray(value) ? value : [value])
            .map((v) => `<saml:AttributeValue xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="xs:string">${xmlEscape(v)}</saml:AttributeValue>`)
            .join("")}</saml:Attribute>`,
      )
      .join("");
    return (
      `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${assertionId}" Version="2.0" IssueInstant="${iso(now)}">` +
      `<saml:Issuer>${xmlEscape(o.issuer ?? this.entityId)}</saml:Issuer>` +
      `<saml:Subject><saml:NameID Format="${o.nameIdFormat ?? EMAIL_FORMAT}">${o.rawNameId ? nameId : xmlEscape(nameId)}</saml:NameID>` +
      `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData${inResponseTo ? ` InResponseTo="${xmlEscape(inResponseTo)}"` : ""} NotOnOrAfter="${notOnOrAfter}" Recipient="${xmlEscape(o.recipient ?? request.acsUrl)}"/></saml:SubjectConfirmation></saml:Subject>` +
      `<saml:Conditions NotBefore="${notBefore}" NotOnOrAfter="${notOnOrAfter}"><saml:AudienceRestriction><saml:Audience>${xmlEscape(o.audience ?? request.spEntityId)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
      `<saml:AuthnStatement AuthnInstant="${iso(now)}" SessionIndex="${newSamlId()}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
      (attributes ? `<saml:AttributeStatement>${attributes}</saml:AttributeStatement>` : "") +
      `</saml:Assertion>`
    );
  }

  /** Signs the element with ID `id` inside `xml` (enveloped, after its Issuer), with the IdP's key or `key`. */
  sign(xml: string, id: string, key: IdpKey = this.key): string {
    const sig = new SignedXml({
      privateKey: key.privateKey,
      publicCert: key.certificate,
      signatureAlgorithm: "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
      canonicalizationAlgorithm: "http://www.w3.org/2001/10/xml-exc-c14n#",
    });
    sig.addReference({
      xpath: `//*[@ID='${id}']`,
      digestAlgorithm: "http://www.w3.org/2001/04/xmlenc#sha256",
      transforms: ["http://www.w3.org/2000/09/xmldsig#enveloped-signature", "http://www.w3.org/2001/10/xml-exc-c14n#"],
    });
    sig.computeSignature(xml, { prefix: "ds", location: { reference: `//*[@ID='${id}']/*[local-name(.)='Issuer']`, action: "after" } });
    return sig.getSignedXml();
  }

  /** A Response around `assertion` (XML as is). */
  responseXml(request: AuthnRequestInfo, assertion: string, o: ResponseOptions & { responseId?: string } = {}): string {
    const responseId = o.responseId ?? newSamlId();
    const inResponseTo = o.inResponseTo !== undefined ? o.inResponseTo : request.id;
    const destination = o.destination !== undefined ? o.destination : request.acsUrl;
    return (
      `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${responseId}" Version="2.0" IssueInstant="${iso(Date.now())}"` +
      `${destination ? ` Destination="${xmlEscape(destination)}"` : ""}${inResponseTo ? ` InResponseTo="${xmlEscape(inResponseTo)}"` : ""}>` +
      `<saml:Issuer>${xmlEscape(o.issuer ?? this.entityId)}</saml:Issuer>` +
      `<samlp:Status><samlp:StatusCode Value="${o.statusCode ?? "urn:oasis:names:tc:SAML:2.0:status:Success"}"/></samlp:Status>` +
      assertion +
      `</samlp:Response>`
    );
  }

  /** The signed Assertion alone (for XSW tests that rebuild the Response around it). */
  signedAssertionXml(request: AuthnRequestInfo, o: ResponseOptions = {}): string {
    const assertionId = o.assertionId ?? newSamlId();
    const assertion = this.assertionXml(request, { ...o, assertionId });
    return o.signed === false ? assertion : this.sign(assertion, assertionId, o.signingKey);
  }

  /** A Response XML answering `request`, its assertion signed (unless `signed: false`). */
  responseXmlFor(request: AuthnRequestInfo, o: ResponseOptions = {}): string {
    const responseId = newSamlId();
    const xml = this.responseXml(request, this.signedAssertionXml(request, o), { ...o, responseId });
    return o.signResponse ? this.sign(xml, responseId, o.signingKey) : xml;
  }

  /** The HTTP-POST binding's SAMLResponse value: the Response XML, base64. */
  samlResponseFor(request: AuthnRequestInfo, o: ResponseOptions = {}): string {
    return toSamlResponse(this.responseXmlFor(request, o));
  }
}

export const toSamlResponse = (xml: string) => Buffer.from(xml, "utf8").toString("base64");

/** Reads an HTTP-Redirect AuthnRequest (the SP's sign-in URL): its ID, ACS URL, issuer and RelayState. */
export function readRedirectAuthnRequest(signInUrl: string): AuthnRequestInfo & { destination: string | null; xml: string; loginHint: string | null } {
  const url = new URL(signInUrl);
  const encoded = url.searchParams.get("SAMLRequest");
  if (!encoded) throw new Error("No SAMLRequest in the URL");
  const xml = inflateRawSync(Buffer.from(encoded, "base64")).toString("utf8");
  const doc = new DOMParser().parseFromString(xml, "text/xml");
  const root = doc.documentElement!;
  const issuer = doc.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:assertion", "Issuer")[0]?.textContent ?? "";
  return {
    id: root.getAttribute("ID") ?? "",
    acsUrl: root.getAttribute("AssertionConsumerServiceURL") ?? "",
    spEntityId: issuer,
    destination: root.getAttribute("Destination"),
    relayState: url.searchParams.get("RelayState") ?? undefined,
    loginHint: url.searchParams.get("login_hint"),
    xml,
  };
}

/**
 * The IdP as a tiny HTTP server on loopback (e2e): its SSO URL takes the HTTP-Redirect
 * AuthnRequest, "signs in" `user.email` without asking, and answers the auto-posting form that
 * carries the signed SAMLResponse to the SP's ACS. `tamper` makes its next answers an attack.
 */
export class SamlIdpServer {
  idp!: TestSamlIdp;
  user = { email: "person@partner.example", givenName: "Pat", surname: "Person" };
  /** "other-key": signed with a key the SP does not know. */
  tamper: "none" | "other-key" = "none";
  private server: Server | null = null;
  private otherKey: IdpKey | null = null;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      if (url.pathname === "/metadata") {
        res.writeHead(200, { "content-type": "application/samlmetadata+xml" }).end(this.idp.metadataXml());
        return;
      }
      if (url.pathname !== "/sso") {
        res.writeHead(404).end();
        return;
      }
      let request: AuthnRequestInfo;
      try {
        request = readRedirectAuthnRequest(url.toString());
      } catch {
        res.writeHead(400, { "content-type": "text/plain" }).end("Bad AuthnRequest");
        return;
      }
      const signingKey = this.tamper === "other-key" ? (this.otherKey ??= makeIdpKey("Attacker")) : undefined;
      const samlResponse = this.idp.samlResponseFor(request, {
        nameId: this.user.email,
        attributes: { email: this.user.email, givenName: this.user.givenName, surname: this.user.surname },
        signingKey,
      });
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(
        `<!doctype html><html lang="en"><head><title>Test IdP</title></head><body onload="document.forms[0].submit()">` +
          `<form method="post" action="${xmlEscape(request.acsUrl)}"><input type="hidden" name="SAMLResponse" value="${samlResponse}">` +
          (request.relayState ? `<input type="hidden" name="RelayState" value="${xmlEscape(request.relayState)}">` : "") +
          `<noscript><button type="submit">Continue</button></noscript></form></body></html>`,
      );
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    const { port } = this.server.address() as { port: number };
    const base = `http://127.0.0.1:${port}`;
    this.idp = new TestSamlIdp(`${base}/metadata`, `${base}/sso`);
    return base;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }
}
