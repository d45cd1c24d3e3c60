import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { authSecret } from "@/lib/auth/secret";

/**
 * Standard Webhooks signing. The endpoint's secret is `whsec_` + 32 random bytes in base64,
 * shown once; it is kept encrypted (AES-256-GCM, key derived from AUTH_SECRET) so a copy of the
 * database alone does not let anyone forge webhooks.
 */
export function generateSigningSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

async function key(): Promise<Buffer> {
  return Buffer.from(hkdfSync("sha256", await authSecret(), "", "partner-management webhook signing secret", 32));
}

export async function sealSecret(secret: string): Promise<string> {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", await key(), iv);
  const sealed = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return `v1.${iv.toString("base64url")}.${cipher.getAuthTag().toString("base64url")}.${sealed.toString("base64url")}`;
}

export async function openSecret(stored: string): Promise<string> {
  const [version, iv, tag, sealed] = stored.split(".");
  if (version !== "v1" || !iv || !tag || !sealed) throw new Error("The signing secret cannot be read.");
  const decipher = createDecipheriv("aes-256-gcm", await key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(sealed, "base64url")), decipher.final()]).toString("utf8");
}

/**
 * The three Standard Webhooks headers. While a rotated-out secret is still valid it signs too
 * (space-separated signatures), so a receiver can switch secrets without missing a delivery.
 */
export function signatureHeaders(secrets: string[], msgId: string, timestamp: Date, body: string): Record<string, string> {
  const signatures = secrets.map((s) => new Webhook(s).sign(msgId, timestamp, body));
  return {
    "webhook-id": msgId,
    "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
    "webhook-signature": signatures.join(" "),
  };
}
