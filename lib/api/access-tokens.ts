import "server-only";
import { createHmac, randomUUID } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import { authSecret } from "@/lib/auth/secret";
import { config } from "@/lib/config";

/** Access tokens are short-lived: revocation is also checked on every call, this bounds a leak. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
const ALGORITHM = "HS256";
export const TOKEN_AUDIENCE = "partner-management-api";

export const tokenIssuer = () => config.appUrl();

/**
 * The signing key, derived from the auth secret so an API token and a session cookie can never
 * stand in for each other even though one secret is configured.
 */
export async function accessTokenKey(): Promise<Uint8Array> {
  return keysOf(await authSecret()).bytes;
}

interface Keys {
  secret: string;
  bytes: Uint8Array;
  /** The same key imported once for WebCrypto HMAC, which jose would otherwise import on every call. */
  crypto: Promise<CryptoKey>;
}
let keys: Keys | undefined;

/** Derived once per secret (the secret only changes between tests), not on every request. */
function keysOf(secret: string): Keys {
  if (keys?.secret === secret) return keys;
  const bytes = new Uint8Array(createHmac("sha256", secret).update("partner-management/api-access-token/v1").digest());
  const crypto = globalThis.crypto.subtle.importKey("raw", bytes, { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
  keys = { secret, bytes, crypto };
  return keys;
}

const signingKey = async (): Promise<CryptoKey> => keysOf(await authSecret()).crypto;

export async function issueAccessToken(clientId: string): Promise<{ token: string; expiresIn: number }> {
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: ALGORITHM, typ: "JWT" })
    .setSubject(clientId)
    .setIssuer(tokenIssuer())
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ACCESS_TOKEN_TTL_SECONDS}s`)
    .setJti(randomUUID())
    .sign(await signingKey());
  return { token, expiresIn: ACCESS_TOKEN_TTL_SECONDS };
}

/** The client id of a valid token (signature with the pinned algorithm, iss, aud, exp), else null. */
export async function verifyAccessToken(token: string): Promise<string | null> {
  if (token.length > 4096) return null;
  const key = await signingKey(); // outside the try: a database outage is a 503, not a bad token
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: [ALGORITHM],
      issuer: tokenIssuer(),
      audience: TOKEN_AUDIENCE,
      requiredClaims: ["exp", "iat", "sub"],
      clockTolerance: 5,
    });
    return typeof payload.sub === "string" && payload.sub.length > 0 ? payload.sub : null;
  } catch {
    return null;
  }
}
