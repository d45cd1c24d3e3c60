import { z } from "zod";
import { plainText } from "./fields";

/**
 * Settings > Single sign-on: the connection (OpenID Connect or SAML 2.0), the sign-in settings
 * (use it, Require SSO, just-in-time members) and removing it. Shared by the form and the actions
 * of the partner pages and the admin app.
 */
const orgId = z.string().min(1).max(100);

export const SSO_PROTOCOLS = ["oidc", "saml"] as const;
export const JIT_ROLES = ["viewer", "maintainer", "admin"] as const;

/** The largest IdP metadata document accepted (Entra ID's, with several certificates, is ~20 KB). */
export const MAX_METADATA_CHARS = 200_000;

/**
 * One form for both protocols: the fields of the chosen protocol are required, the other's ignored.
 * An empty client secret keeps the stored one (checked by the domain layer: a first save needs one).
 */
export const ssoConnectionSchema = z
  .object({
    orgId,
    protocol: z.enum(SSO_PROTOCOLS, { error: "Choose OpenID Connect or SAML 2.0." }),
    issuer: plainText(z.string({ error: "Issuer URL must be text." }).trim().max(2048, { error: "Issuer URL must be at most 2048 characters." }), "Issuer URL").default(""),
    clientId: plainText(z.string({ error: "Client ID must be text." }).trim().max(500, { error: "Client ID must be at most 500 characters." }), "Client ID").default(""),
    clientSecret: plainText(z.string({ error: "Client secret must be text." }).max(2000, { error: "Client secret must be at most 2000 characters." }), "Client secret").default(""),
    metadataXml: z
      .string({ error: "IdP metadata XML must be text." })
      .max(MAX_METADATA_CHARS, { error: `IdP metadata XML must be at most ${MAX_METADATA_CHARS.toLocaleString("en-GB")} characters.` })
      .default(""),
  })
  .superRefine((v, ctx) => {
    if (v.protocol === "oidc") {
      if (!v.issuer) ctx.addIssue({ code: "custom", path: ["issuer"], message: "Issuer URL is required." });
      else if (!isHttpUrl(v.issuer)) ctx.addIssue({ code: "custom", path: ["issuer"], message: "Issuer URL must be an https:// URL." });
      if (!v.clientId) ctx.addIssue({ code: "custom", path: ["clientId"], message: "Client ID is required." });
    } else if (!v.metadataXml.trim()) {
      ctx.addIssue({ code: "custom", path: ["metadataXml"], message: "Paste or upload the IdP metadata XML." });
    }
  });
export type SsoConnectionFormValues = z.input<typeof ssoConnectionSchema>;
export type SsoConnectionInput = z.output<typeof ssoConnectionSchema>;

/** "Use single sign-on", "Require SSO" with its break-glass Admin, "Just-in-time members" with the default role. */
export const ssoSignInSettingsSchema = z.object({
  orgId,
  enabled: z.boolean({ error: "Use single sign-on must be on or off." }),
  requireSso: z.boolean({ error: "Require SSO must be on or off." }),
  /** Empty: no break-glass Admin. */
  breakGlassUserId: z.string().max(100).default(""),
  jitEnabled: z.boolean({ error: "Just-in-time members must be on or off." }),
  jitRole: z.enum(JIT_ROLES, { error: "Default role must be Viewer, Maintainer or Admin." }),
});
export type SsoSignInSettingsFormValues = z.input<typeof ssoSignInSettingsSchema>;
export type SsoSignInSettingsInput = z.output<typeof ssoSignInSettingsSchema>;

export const removeSsoConnectionSchema = z.object({ orgId });

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && !url.username && !url.password && !url.hash;
  } catch {
    return false;
  }
}

/** The start route's query: who is signing in (an email, optional), where to go after, a test or not. */
export const ssoStartQuerySchema = z.object({
  login_hint: z.string().trim().max(320).optional(),
  return_to: z.string().max(500).optional(),
  test: z.enum(["1"]).optional(),
});
