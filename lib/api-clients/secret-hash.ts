import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { verifyPassword } from "@/lib/auth/password";
import { authSecret } from "@/lib/auth/secret";

/**
 * API client secrets are 256 random bits (or an INITIAL_API_CLIENT_SECRET of at least 32 checked
 * characters): nothing to brute-force, so a fast keyed hash (HMAC-SHA-256, keyed from the auth
 * secret) is kept instead of Argon2, and the token endpoint costs no slow hash. A stolen table is
 * useless without the auth secret; changing AUTH_SECRET retires every API client secret.
 * Secrets stored as Argon2 by earlier versions still verify, and are re-stored as HMAC on use.
 */
const PREFIX = "hmac-sha256:";

export async function hashClientSecret(secret: string): Promise<string> {
  const key = createHmac("sha256", await authSecret()).update("partner-management/api-client-secret/v1").digest();
  return PREFIX + createHmac("sha256", key).update(secret).digest("hex");
}

/**
 * Checks `secret` against what is stored (null: no such client, which costs the same HMAC).
 * `rehash`: the HMAC to store instead of a legacy Argon2 hash that just verified.
 */
export async function verifyClientSecret(stored: string | null, secret: string): Promise<{ ok: boolean; rehash?: string }> {
  const computed = await hashClientSecret(secret);
  if (!stored) return { ok: false };
  if (stored.startsWith(PREFIX)) {
    const a = Buffer.from(computed);
    const b = Buffer.from(stored);
    return { ok: a.length === b.length && timingSafeEqual(a, b) };
  }
  const ok = await verifyPassword(stored, secret);
  return ok ? { ok, rehash: computed } : { ok };
}
