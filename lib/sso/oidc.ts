import "server-only";
import http from "node:http";
import https from "node:https";
import * as client from "openid-client";
import type { PartnerSsoConnectionRow } from "@/db/schema";
import { config } from "@/lib/config";
import { unseal } from "@/lib/crypto/sealed";
import { invalid } from "@/lib/errors";
import { isPrivateHost, publicOnlyLookup } from "@/lib/net/private-address";
import type { SsoIdentity } from "./complete";
import { providerUrl } from "./provider-url";
import type { SsoRequestRow } from "./requests";

/** The purpose the client secret is sealed under (lib/crypto/sealed.ts). */
export const CLIENT_SECRET_PURPOSE = "sso-client-secret";

/** Where a partner's OpenID provider sends people back (registered at the provider as the redirect URI). */
export const oidcRedirectUri = (partnerOrgId: string) => `${config.appUrl()}/api/sso/${encodeURIComponent(partnerOrgId)}/oidc/callback`;

const TIMEOUT_S = 10;
const MAX_BODY_BYTES = 1024 * 1024;

/** Refuses an issuer the server must not call (lib/sso/provider-url.ts). */
export const checkIssuerUrl = (issuer: string): URL => providerUrl(issuer, "Issuer URL", "issuer");

/**
 * The fetch every request to a partner's provider goes through (discovery, token, keys, userinfo):
 * unless private addresses are allowed, only public addresses, checked on the address the socket
 * actually connects to (a DNS name that resolves to 10.0.0.1 is refused as such), at most 1 MiB
 * read, no redirects followed.
 */
const publicOnlyFetch: client.CustomFetch = (url, options) => {
  const target = new URL(url);
  if (target.protocol !== "https:" || isPrivateHost(target.hostname)) return Promise.reject(new Error(`${target.host} is not a public https host; refused`));
  const body = options.body;
  const payload = body == null ? undefined : typeof body === "string" ? body : body instanceof URLSearchParams ? body.toString() : body instanceof ArrayBuffer ? Buffer.from(body) : body instanceof Uint8Array ? Buffer.from(body) : undefined;
  return new Promise<Response>((resolve, reject) => {
    const req = https.request(target, { method: options.method, headers: options.headers, agent: false, lookup: publicOnlyLookup as never, signal: options.signal ?? undefined });
    req.on("error", reject);
    req.on("response", (res: http.IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) {
          res.destroy();
          reject(new Error("The provider's answer is too large"));
        } else chunks.push(chunk);
      });
      res.on("error", reject);
      res.on("end", () => {
        const headers = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(", ") : v);
        const status = res.statusCode ?? 502;
        const noBody = status === 204 || status === 304 || (status >= 100 && status < 200);
        resolve(new Response(noBody ? null : Buffer.concat(chunks), { status, headers }));
      });
    });
    req.end(payload);
  });
};

/**
 * OpenID Connect discovery of `issuer` (its metadata must name that very issuer), as the client
 * `clientId`: the library's Configuration every later step uses. Throws a DomainError in words.
 */
export async function discoverOidc(issuer: string, clientId: string, clientSecret?: string): Promise<client.Configuration> {
  const url = checkIssuerUrl(issuer);
  const allowPrivate = config.ssoAllowPrivateAddresses();
  let discovered: client.Configuration;
  try {
    discovered = await client.discovery(url, clientId, undefined, undefined, {
      timeout: TIMEOUT_S,
      ...(allowPrivate ? { execute: [client.allowInsecureRequests] } : { [client.customFetch]: publicOnlyFetch }),
    });
  } catch (err) {
    throw invalid(discoveryFailure(url, err), { issuer: [discoveryFailure(url, err)] });
  }
  const metadata = discovered.serverMetadata();
  if (!metadata.authorization_endpoint || !metadata.token_endpoint) {
    const message = "The issuer's discovery document has no authorization or token endpoint.";
    throw invalid(message, { issuer: [message] });
  }
  // client_secret_basic is OpenID Connect's default; client_secret_post only where the provider asks for it.
  const methods = metadata.token_endpoint_auth_methods_supported;
  const auth = !methods || methods.includes("client_secret_basic") ? client.ClientSecretBasic(clientSecret) : client.ClientSecretPost(clientSecret);
  const configuration = new client.Configuration(metadata, clientId, clientSecret, auth);
  configuration.timeout = TIMEOUT_S;
  if (allowPrivate) client.allowInsecureRequests(configuration);
  else configuration[client.customFetch] = publicOnlyFetch;
  return configuration;
}

function discoveryFailure(url: URL, err: unknown): string {
  const code = (err as { code?: string }).code;
  const where = `${url.href.replace(/\/$/, "")}/.well-known/openid-configuration`;
  if (code === "OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED") return `The discovery document at ${where} names another issuer: the Issuer URL must be exactly the provider's issuer.`;
  const cause = (err as { cause?: unknown }).cause;
  if (cause instanceof Response && cause.status !== 200) return `${where} answered HTTP ${cause.status}: check the Issuer URL.`;
  if (code === "OAUTH_RESPONSE_IS_NOT_JSON" || code === "OAUTH_RESPONSE_IS_NOT_CONFORM" || code === "OAUTH_INVALID_RESPONSE") return `${where} is not an OpenID Connect discovery document.`;
  if (code === "OAUTH_HTTP_REQUEST_FORBIDDEN") return "Issuer URL must be an https:// URL.";
  return `OpenID Connect discovery at ${where} failed (${reason(err)}). Check the Issuer URL.`;
}

/** A short reason in words from what a request to the provider threw; never a stack trace. */
export function reason(err: unknown): string {
  if (err instanceof client.AuthorizationResponseError || err instanceof client.ResponseBodyError) {
    return `the provider answered ${err.error}${err.error_description ? `: ${err.error_description}` : ""}`.slice(0, 300);
  }
  if (err instanceof client.WWWAuthenticateChallengeError) {
    const params = err.cause[0]?.parameters;
    const error = params?.error ?? `HTTP ${err.status}`;
    return `the provider answered ${error}${params?.error_description ? `: ${params.error_description}` : ""}`.slice(0, 300);
  }
  const cause = (err as { cause?: unknown }).cause;
  const inner = cause instanceof Error ? `${(err as Error).message}: ${cause.message}` : err instanceof Error ? err.message : String(err);
  if (/abort|timeout/i.test(inner)) return `no answer within ${TIMEOUT_S} s`;
  return inner.split("\n")[0]!.slice(0, 300);
}

/** The connection's client secret, unsealed. */
async function clientSecretOf(connection: PartnerSsoConnectionRow): Promise<string> {
  if (!connection.oidcClientSecretSealed) throw invalid("The connection has no client secret.");
  return unseal(CLIENT_SECRET_PURPOSE, connection.oidcClientSecretSealed);
}

async function configurationOf(connection: PartnerSsoConnectionRow): Promise<client.Configuration> {
  if (connection.protocol !== "oidc" || !connection.oidcIssuer || !connection.oidcClientId) throw invalid("The connection is not an OpenID Connect connection.");
  return discoverOidc(connection.oidcIssuer, connection.oidcClientId, await clientSecretOf(connection));
}

/** PKCE verifier and nonce for a request about to be created (stored in its sso_request row). */
export function oidcRequestSecrets(): { codeVerifier: string; nonce: string } {
  return { codeVerifier: client.randomPKCECodeVerifier(), nonce: client.randomNonce() };
}

/** The provider's authorization URL for `request` (state = request id, PKCE S256, nonce). */
export async function oidcSignInUrl(connection: PartnerSsoConnectionRow, request: SsoRequestRow, loginHint?: string): Promise<string> {
  const configuration = await configurationOf(connection);
  const params: Record<string, string> = {
    redirect_uri: oidcRedirectUri(connection.partnerOrgId),
    response_type: "code",
    scope: "openid email profile",
    state: request.id,
    nonce: request.nonce!,
    code_challenge: await client.calculatePKCECodeChallenge(request.codeVerifier!),
    code_challenge_method: "S256",
  };
  if (loginHint) params.login_hint = loginHint;
  return client.buildAuthorizationUrl(configuration, params).href;
}

/** `email_verified` as providers send it: a boolean, or (Cognito) the string "true". */
const isTrue = (value: unknown) => value === true || value === "true";

/**
 * The answer at the redirect URI for `request` (already taken): the code exchanged with PKCE, the
 * ID token checked by the library (signature, issuer, audience, expiry, nonce), and who it names.
 * Email and email_verified from the ID token, else from userinfo. Throws on any protocol error.
 */
export async function oidcIdentity(
  connection: PartnerSsoConnectionRow,
  request: SsoRequestRow,
  search: URLSearchParams,
): Promise<{ identity: SsoIdentity; claims: Record<string, unknown> }> {
  const configuration = await configurationOf(connection);
  // The redirect URI as registered (not the URL this server was reached by, which a proxy may change).
  const current = new URL(oidcRedirectUri(connection.partnerOrgId));
  current.search = search.toString();
  const tokens = await client.authorizationCodeGrant(configuration, current, {
    expectedState: request.id,
    expectedNonce: request.nonce ?? undefined,
    pkceCodeVerifier: request.codeVerifier ?? undefined,
    idTokenExpected: true,
  });
  const idClaims = tokens.claims();
  if (!idClaims) throw new Error("the provider returned no ID token");
  let claims: Record<string, unknown> = { ...idClaims };
  if (typeof claims.email !== "string" || claims.email_verified === undefined) {
    const userinfo = await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
    claims = { ...userinfo, ...Object.fromEntries(Object.entries(claims).filter(([, v]) => v !== undefined)) };
    if (typeof idClaims.email !== "string") claims.email = userinfo.email;
    if (idClaims.email_verified === undefined) claims.email_verified = userinfo.email_verified;
  }
  const text = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);
  return {
    claims,
    identity: {
      partnerOrgId: connection.partnerOrgId,
      protocol: "oidc",
      subject: idClaims.sub,
      email: text(claims.email),
      emailVerified: isTrue(claims.email_verified),
      name: text(claims.name),
      firstName: text(claims.given_name),
      lastName: text(claims.family_name),
    },
  };
}

