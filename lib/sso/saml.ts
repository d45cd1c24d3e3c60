import "server-only";
import { X509Certificate } from "node:crypto";
import { SAML, ValidateInResponseTo, generateServiceProviderMetadata } from "@node-saml/node-saml";
import { DOMParser } from "@xmldom/xmldom";
import type { Db } from "@/db";
import type { PartnerSsoConnectionRow } from "@/db/schema";
import { config } from "@/lib/config";
import { invalid } from "@/lib/errors";
import { providerUrl } from "./provider-url";
import type { SsoRequestRow } from "@/lib/sso/requests";

/**
 * SAML 2.0 per partner: this app is the service provider (SP), the partner's identity provider
 * (IdP) is described by the metadata XML its Admin pastes. AuthnRequests go out by HTTP-Redirect
 * (unsigned: the SP has no key; the IdP answers only to the ACS URL it was given); signed answers
 * come back by HTTP-POST to the ACS (lib/sso/saml-acs.ts).
 */

/** What the app keeps from an IdP's metadata (partner_sso_connection.saml_idp_*). */
export interface SamlIdpSettings {
  entityId: string;
  /** The IdP's SingleSignOnService for the HTTP-Redirect binding. */
  ssoUrl: string;
  /** Its signing certificates, PEM. */
  certificates: string[];
}

const MD = "urn:oasis:names:tc:SAML:2.0:metadata";
const DS = "http://www.w3.org/2000/09/xmldsig#";
const REDIRECT_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
const POST_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";
export const EMAIL_NAME_ID_FORMAT = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";

/** Metadata (and a SAMLResponse) larger than this is refused unread. */
export const MAX_SAML_XML_BYTES = 1024 * 1024;

/**
 * True when the XML declares a document type or an entity: neither belongs in SAML, and both are
 * the doors of XXE (external entities) and entity expansion ("billion laughs").
 */
export function declaresDoctypeOrEntity(xml: string): boolean {
  return /<!\s*(DOCTYPE|ENTITY)/i.test(xml);
}

/**
 * Parses XML that passed `declaresDoctypeOrEntity`: null unless it is well-formed (every parser
 * error or warning counts; no entity is ever resolved).
 */
export function parseXmlStrict(xml: string): Document | null {
  let failed = false;
  const fail = () => {
    failed = true;
  };
  try {
    const doc = new DOMParser({ errorHandler: { warning: fail, error: fail, fatalError: fail } }).parseFromString(xml, "text/xml");
    if (failed || !doc?.documentElement) return null;
    return doc as unknown as Document;
  } catch {
    return null;
  }
}

const childElements = (parent: Element, ns: string, localName: string): Element[] =>
  Array.from(parent.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).namespaceURI === ns && (n as Element).localName === localName);

const descendants = (parent: Element | Document, ns: string, localName: string): Element[] => Array.from(parent.getElementsByTagNameNS(ns, localName));

/** PEM of a base64 DER certificate, or null when it is not a certificate. */
function certificatePem(base64: string): string | null {
  const body = base64.replace(/\s+/g, "");
  if (!body || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return null;
  try {
    const cert = new X509Certificate(Buffer.from(body, "base64"));
    return cert.toString().trim();
  } catch {
    return null;
  }
}

/** Checks an IdP's SSO URL by the rule of every provider address (lib/sso/provider-url.ts). */
export const assertIdpSsoUrl = (value: string): string => providerUrl(value, "The IdP's single sign-on URL").toString();

/**
 * Reads what the app needs from an IdP's metadata XML: its entityID, the SingleSignOnService of
 * the HTTP-Redirect binding (an IdP offering only HTTP-POST is refused: sign-in starts with a
 * redirect), and the certificates of its KeyDescriptors for signing (use="signing" or no use).
 * Refuses DOCTYPE/ENTITY declarations and more than 1 MB; every refusal is an `invalid` error
 * that says what is wrong.
 */
export function parseIdpMetadata(xml: string): SamlIdpSettings {
  if (typeof xml !== "string" || xml.trim() === "") throw invalid("Paste the IdP metadata XML or upload its file.");
  if (Buffer.byteLength(xml, "utf8") > MAX_SAML_XML_BYTES) throw invalid("The IdP metadata is larger than 1 MB.");
  if (declaresDoctypeOrEntity(xml)) throw invalid("The IdP metadata must not contain a DOCTYPE or ENTITY declaration.");
  const doc = parseXmlStrict(xml.trim());
  if (!doc) throw invalid("The IdP metadata is not well-formed XML.");

  const root = doc.documentElement;
  const entities =
    root.namespaceURI === MD && root.localName === "EntityDescriptor"
      ? [root]
      : root.namespaceURI === MD && root.localName === "EntitiesDescriptor"
        ? descendants(root, MD, "EntityDescriptor")
        : [];
  if (entities.length === 0) throw invalid("This is not SAML metadata: it has no EntityDescriptor.");
  const idps = entities.flatMap((entity) => childElements(entity, MD, "IDPSSODescriptor").map((idp) => ({ entity, idp })));
  if (idps.length === 0) throw invalid("The metadata describes no identity provider (no IDPSSODescriptor).");
  if (idps.length > 1) throw invalid("The metadata describes more than one identity provider; paste the metadata of one.");
  const { entity, idp } = idps[0]!;

  const entityId = (entity.getAttribute("entityID") ?? "").trim();
  if (!entityId) throw invalid("The IdP metadata has no entityID.");
  if (entityId.length > 1000) throw invalid("The IdP's entityID is longer than 1000 characters.");

  if (idp.getAttribute("WantAuthnRequestsSigned") === "true") {
    throw invalid("The IdP wants signed AuthnRequests; this app sends them unsigned. Turn that requirement off at the IdP for this app.");
  }

  const services = childElements(idp, MD, "SingleSignOnService");
  const redirect = services.find((s) => s.getAttribute("Binding") === REDIRECT_BINDING);
  if (!redirect) {
    throw invalid(
      services.some((s) => s.getAttribute("Binding") === POST_BINDING)
        ? "The IdP offers single sign-on only with the HTTP-POST binding; this app needs the HTTP-Redirect binding."
        : "The IdP metadata has no SingleSignOnService for the HTTP-Redirect binding.",
    );
  }
  const location = (redirect.getAttribute("Location") ?? "").trim();
  if (!location) throw invalid("The IdP's SingleSignOnService has no Location.");
  const ssoUrl = assertIdpSsoUrl(location);

  const certificates: string[] = [];
  for (const key of childElements(idp, MD, "KeyDescriptor")) {
    const use = key.getAttribute("use");
    if (use && use !== "signing") continue;
    for (const cert of descendants(key, DS, "X509Certificate")) {
      const pem = certificatePem(cert.textContent ?? "");
      if (!pem) throw invalid("A signing certificate in the IdP metadata is not a valid X.509 certificate.");
      if (!certificates.includes(pem)) certificates.push(pem);
    }
  }
  if (certificates.length === 0) throw invalid("The IdP metadata has no signing certificate (KeyDescriptor with an X509Certificate).");
  return { entityId, ssoUrl, certificates };
}

/** The SP's entity ID for a partner: also where its metadata is served. */
export function spEntityId(partnerOrgId: string): string {
  return `${config.appUrl()}/api/sso/${encodeURIComponent(partnerOrgId)}/saml/metadata`;
}

/** The SP's Assertion Consumer Service (HTTP-POST) for a partner. */
export function spAcsUrl(partnerOrgId: string): string {
  return `${config.appUrl()}/api/sso/${encodeURIComponent(partnerOrgId)}/saml/acs`;
}

/** The SP metadata a partner gives its IdP: signed assertions wanted, NameID an email address, ACS by HTTP-POST. */
export function spMetadataXml(partnerOrgId: string): string {
  return generateServiceProviderMetadata({
    issuer: spEntityId(partnerOrgId),
    callbackUrl: spAcsUrl(partnerOrgId),
    identifierFormat: EMAIL_NAME_ID_FORMAT,
    wantAssertionsSigned: true,
  });
}

/** node-saml's SP for a partner's connection: the one place its options are set (sign-in and ACS). */
export function samlServiceProvider(
  connection: Pick<PartnerSsoConnectionRow, "partnerOrgId" | "samlIdpSsoUrl" | "samlIdpCertificates" | "samlIdpEntityId">,
  request: Pick<SsoRequestRow, "id" | "created">,
  extra: { loginHint?: string } = {},
): SAML {
  return new SAML({
    issuer: spEntityId(connection.partnerOrgId),
    audience: spEntityId(connection.partnerOrgId),
    callbackUrl: spAcsUrl(connection.partnerOrgId),
    entryPoint: connection.samlIdpSsoUrl ?? undefined,
    idpCert: connection.samlIdpCertificates ?? [],
    idpIssuer: connection.samlIdpEntityId ?? undefined,
    identifierFormat: EMAIL_NAME_ID_FORMAT,
    disableRequestedAuthnContext: true,
    wantAssertionsSigned: true,
    // Many IdPs sign the assertion only; the assertion's signature is what is required.
    wantAuthnResponseSigned: false,
    acceptedClockSkewMs: SAML_CLOCK_SKEW_MS,
    // The pending request (sso_request, taken once by the ACS) is the only one this SP knows: the
    // Response's and the SubjectConfirmationData's InResponseTo must both name it.
    validateInResponseTo: ValidateInResponseTo.always,
    requestIdExpirationPeriodMs: 10 * 60_000,
    cacheProvider: {
      saveAsync: async () => null,
      getAsync: async (key) => (key === request.id ? request.created.toISOString() : null),
      removeAsync: async () => null,
    },
    generateUniqueId: () => request.id,
    additionalAuthorizeParams: extra.loginHint ? { login_hint: extra.loginHint } : {},
  });
}

/** How far the IdP's clock may be from ours (NotBefore / NotOnOrAfter). */
export const SAML_CLOCK_SKEW_MS = 60_000;

/**
 * The IdP URL that carries the AuthnRequest for `request` (its ID is request.id; RelayState too)
 * by the HTTP-Redirect binding. `loginHint` goes along as `login_hint` (honoured by e.g. Microsoft
 * Entra ID, ignored by IdPs that do not know it).
 */
export async function samlSignInUrl(_db: Db, connection: PartnerSsoConnectionRow, request: SsoRequestRow, loginHint?: string): Promise<string> {
  if (connection.protocol !== "saml" || !connection.samlIdpSsoUrl) throw invalid("This partner's single sign-on is not set up for SAML 2.0.");
  assertIdpSsoUrl(connection.samlIdpSsoUrl);
  return samlServiceProvider(connection, request, { loginHint }).getAuthorizeUrlAsync(request.id, undefined, {});
}
