import "server-only";
import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { seal, unseal } from "@/lib/crypto/sealed";

/**
 * Standard Webhooks signing. The endpoint's secret is `whsec_` + 32 random bytes in base64,
 * shown once; it is kept encrypted (AES-256-GCM, key derived from AUTH_SECRET) so a copy of the
 * database alone does not let anyone forge webhooks.
 */
export function generateSigningSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

const PURPOSE = "partner-management webhook signing secret";

export const sealSecret = (secret: string): Promise<string> => seal(PURPOSE, secret);

export async function openSecret(stored: string): Promise<string> {
  try {
    return await unseal(PURPOSE, stored);
  } catch {
    throw new Error("The signing secret cannot be read.");
  }
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
