import "server-only";
import { createHash } from "node:crypto";
import { getDb } from "@/db";
import { verifyClientCredentials } from "@/lib/api-clients/api-clients";
import { isDatabaseUnavailable } from "@/lib/errors";
import { clientAddress } from "@/lib/client-address";
import { consume } from "@/lib/rate-limit";
import { readBodyText } from "./body";
import { ApiError } from "./errors";
import { issueAccessToken } from "./access-tokens";
import { logError } from "@/lib/log";

/** OAuth 2.0 client credentials grant (RFC 6749 §4.4) with errors as in §5.2. */

type OAuthErrorCode = "invalid_request" | "invalid_client" | "unsupported_grant_type" | "server_error" | "temporarily_unavailable" | "slow_down";

/**
 * Token requests per address and per client id in a window (counted in the database, so shared by
 * every instance), checked before any secret is: an integrator needs one token per 15 minutes.
 */
const WINDOW_SECONDS = 60;
const PER_ADDRESS = 60;
const PER_CLIENT = 30;

async function throttle(key: string, limit: number): Promise<void> {
  const { allowed, retryAfterSeconds } = await consume(await getDb(), key, limit, WINDOW_SECONDS);
  if (!allowed) {
    throw fail(429, "slow_down", `Too many token requests. Try again in ${retryAfterSeconds} seconds.`, { "Retry-After": String(retryAfterSeconds) });
  }
}

const NO_STORE = { "Cache-Control": "no-store", Pragma: "no-cache" };

function oauthError(status: number, error: OAuthErrorCode, description: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error, error_description: description }, { status, headers: { ...NO_STORE, ...headers } });
}

class OAuthFailure extends Error {
  constructor(readonly response: Response) {
    super("oauth failure");
  }
}
const fail = (...args: Parameters<typeof oauthError>) => new OAuthFailure(oauthError(...args));

async function readParams(request: Request): Promise<Map<string, string>> {
  const text = await readBodyText(request);
  const type = request.headers.get("content-type") ?? "";
  const entries: [string, unknown][] = [];
  if (type.includes("application/json")) {
    let value: unknown;
    try {
      value = JSON.parse(text || "{}");
    } catch {
      throw fail(400, "invalid_request", "The request body is not valid JSON.");
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) throw fail(400, "invalid_request", "The request body must be an object.");
    entries.push(...Object.entries(value));
  } else {
    entries.push(...new URLSearchParams(text).entries());
  }
  const params = new Map<string, string>();
  for (const [key, value] of entries) {
    if (typeof value !== "string") throw fail(400, "invalid_request", `${key} must be a string.`);
    if (params.has(key)) throw fail(400, "invalid_request", `${key} was sent more than once.`);
    params.set(key, value);
  }
  return params;
}

function formDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, " "));
  } catch {
    return value;
  }
}

/** HTTP Basic client authentication: base64 of the form-encoded id and secret (RFC 6749 §2.3.1). */
function basicCredentials(header: string | null): { id: string; secret: string } | null | undefined {
  if (!header) return undefined;
  const match = /^Basic +([A-Za-z0-9+/]+=*) *$/i.exec(header);
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return null;
  return { id: formDecode(decoded.slice(0, colon)), secret: formDecode(decoded.slice(colon + 1)) };
}

export async function tokenEndpoint(request: Request): Promise<Response> {
  try {
    await throttle(`oauth-addr:${clientAddress(request.headers)}`, PER_ADDRESS);
    const params = await readParams(request);
    const grant = params.get("grant_type");
    if (!grant) throw fail(400, "invalid_request", "grant_type is required.");
    if (grant !== "client_credentials") throw fail(400, "unsupported_grant_type", "Only the client_credentials grant is supported.");

    const basic = basicCredentials(request.headers.get("authorization"));
    const challenge = { "WWW-Authenticate": 'Basic realm="partner-management"' };
    if (basic === null) throw fail(401, "invalid_client", "The Authorization header must be HTTP Basic with the client id and secret.", challenge);
    if (basic && (params.has("client_id") || params.has("client_secret"))) {
      if (params.has("client_secret") || params.get("client_id") !== basic.id) {
        throw fail(400, "invalid_request", "Send the client credentials either with HTTP Basic or in the body, not both.");
      }
    }
    const id = basic?.id ?? params.get("client_id");
    const secret = basic?.secret ?? params.get("client_secret");
    if (!id || !secret) throw fail(401, "invalid_client", "Client authentication is required: client_id and client_secret.", challenge);
    // Keyed by a digest: a client id may be anything the caller sent (long, or with a NUL).
    await throttle(`oauth-client:${createHash("sha256").update(id).digest("hex")}`, PER_CLIENT);

    const client = await verifyClientCredentials(await getDb(), id, secret);
    if (!client) throw fail(401, "invalid_client", "The client id or secret is not correct, or the client was revoked.", challenge);

    const { token, expiresIn } = await issueAccessToken(client.id);
    return Response.json({ access_token: token, token_type: "Bearer", expires_in: expiresIn }, { headers: NO_STORE });
  } catch (err) {
    if (err instanceof OAuthFailure) return err.response;
    if (err instanceof ApiError) return oauthError(err.status, "invalid_request", err.message);
    if (isDatabaseUnavailable(err)) return oauthError(503, "temporarily_unavailable", "The service is temporarily unavailable.", { "Retry-After": "5" });
    logError("oauth", "unexpected error", err);
    return oauthError(500, "server_error", "Something went wrong on our side.");
  }
}
