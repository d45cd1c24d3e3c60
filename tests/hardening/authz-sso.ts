/**
 * The authorization table's single sign-on part: the Single sign-on section's actions (admin app
 * and partner pages) and the SSO routes. A start is sent to a SAML IdP on a public name that is
 * never called (the route only builds the redirect), so no provider is needed. Spread into
 * authz-table.ts.
 */
import { partnerSsoConnection } from "@/db/schema";
import type { Permission } from "@/lib/auth/policy";
import { parseIdpMetadata } from "@/lib/sso/saml";
import { TestSamlIdp } from "../helpers/saml-idp";
import type { ActionSpec, Rule, RouteSpec } from "./authz-table";
import type { Target, World } from "./world";

const rule = (door: Rule["door"], ...needs: Permission[]): Rule => ({ door, needs });
const org = (w: World, t: Target) => (t === "A" ? w.orgA : w.orgB);
const IDP_SSO_URL = "https://idp.matrix.example/sso";

let idp: TestSamlIdp | undefined;
/** The matrix's IdP metadata (its key made once, by openssl). */
const metadataXml = () => (idp ??= new TestSamlIdp("https://idp.matrix.example/saml", IDP_SSO_URL)).metadataXml();

/** The target partner has a SAML connection (on or off), whatever an earlier cell did to it. */
async function withConnection(w: World, t: Target, enabled = true): Promise<string> {
  const xml = metadataXml();
  const settings = parseIdpMetadata(xml);
  const fields = { protocol: "saml" as const, enabled, samlIdpMetadata: xml, samlIdpEntityId: settings.entityId, samlIdpSsoUrl: settings.ssoUrl, samlIdpCertificates: settings.certificates };
  await w.database.db
    .insert(partnerSsoConnection)
    .values({ partnerOrgId: org(w, t).id, ...fields })
    .onConflictDoUpdate({ target: partnerSsoConnection.partnerOrgId, set: fields });
  return org(w, t).id;
}

const saveConnection = (door: "admin" | "partner"): ActionSpec => ({
  args: async (w, t) => ({ orgId: org(w, t).id, protocol: "saml", metadataXml: metadataXml() }),
  rule: rule(door, "sso:manage"),
});
const saveSettings = (door: "admin" | "partner"): ActionSpec => ({
  args: async (w, t) => ({ orgId: await withConnection(w, t), enabled: true, requireSso: false, breakGlassUserId: "", jitEnabled: true, jitRole: "viewer" }),
  rule: rule(door, "sso:manage"),
});
const remove = (door: "admin" | "partner"): ActionSpec => ({
  args: async (w, t) => ({ orgId: await withConnection(w, t) }),
  rule: rule(door, "sso:manage"),
});

export const SSO_ACTIONS: Record<string, ActionSpec> = {
  "app/(admin)/settings/profile/partners/actions/save-sso-connection.ts#saveSsoConnectionAction": saveConnection("admin"),
  "app/(admin)/settings/profile/partners/actions/save-sso-sign-in-settings.ts#saveSsoSignInSettingsAction": saveSettings("admin"),
  "app/(admin)/settings/profile/partners/actions/remove-sso-connection.ts#removeSsoConnectionAction": remove("admin"),
  "app/partner/actions/save-sso-connection.ts#savePartnerSsoConnectionAction": saveConnection("partner"),
  "app/partner/actions/save-sso-sign-in-settings.ts#savePartnerSsoSignInSettingsAction": saveSettings("partner"),
  "app/partner/actions/remove-sso-connection.ts#removePartnerSsoConnectionAction": remove("partner"),
};

/** Sent on to the partner's IdP (303 to its SSO URL). */
const toIdp = (res: Response) => res.status === 303 && (res.headers.get("location") ?? "").startsWith(IDP_SSO_URL);

export const SSO_ROUTES: Record<string, RouteSpec | RouteSpec[]> = {
  "/api/sso/[partnerOrgId]/start GET": [
    // A sign-in: anyone may start one while the partner's single sign-on is on.
    { request: async (w, t) => ({ path: `/api/sso/${await withConnection(w, t)}/start?login_hint=someone%40matrix.example` }), allowed: toIdp, rule: rule("public") },
    // Test connection: a session (admin app or partner pages) that may manage that partner's SSO; allowed while it is off.
    { request: async (w, t) => ({ path: `/api/sso/${await withConnection(w, t, false)}/start?test=1&return_to=%2F` }), allowed: toIdp, rule: rule("session", "sso:manage") },
  ],
  // The OpenID Connect redirect URI: anyone reaches it; an answer naming no pending request is refused in words.
  "/api/sso/[partnerOrgId]/oidc/callback GET": {
    request: async (w, t) => ({ path: `/api/sso/${org(w, t).id}/oidc/callback?state=_matrix&code=x` }),
    allowed: (res) => res.status === 303 && res.headers.get("location") === "/partner/sso/refused?reason=request_expired",
    rule: rule("public"),
  },
};
