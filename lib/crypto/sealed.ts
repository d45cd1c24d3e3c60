import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";

/**
 * Values the app must read back but a copy of the database alone must not reveal (webhook signing
 * secrets, live reset links): AES-256-GCM with a key derived from the auth secret per `purpose`.
 * Changing AUTH_SECRET makes them unreadable.
 */
async function key(purpose: string): Promise<Buffer> {
  return Buffer.from(hkdfSync("sha256", await authSecret(), "", purpose, 32));
}

export async function seal(purpose: string, value: string): Promise<string> {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", await key(purpose), iv);
  const sealed = Buffer.concat([cipher.update(value, "utf8"), cipher.final()]);
  return `v1.${iv.toString("base64url")}.${cipher.getAuthTag().toString("base64url")}.${sealed.toString("base64url")}`;
}

/** The value sealed with `seal(purpose, …)`; throws when it cannot be read (tampered, or another secret). */
export async function unseal(purpose: string, stored: string): Promise<string> {
  const [version, iv, tag, sealed] = stored.split(".");
  if (version !== "v1" || !iv || !tag || !sealed) throw new Error("The sealed value cannot be read.");
  const decipher = createDecipheriv("aes-256-gcm", await key(purpose), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(sealed, "base64url")), decipher.final()]).toString("utf8");
}
