import "server-only";
import { and, eq, gt, lt } from "drizzle-orm";
import type { Db } from "@/db";
import { partnerSsoConnection, ssoRequest, type SsoProtocol } from "@/db/schema";
import { newId } from "@/lib/ids";

/** How long a sign-in may stay at the identity provider before its answer is refused. */
const REQUEST_TTL_MS = 10 * 60_000;

export type SsoRequestRow = typeof ssoRequest.$inferSelect;

/**
 * Where a partner's single sign-on starts (app/api/sso/[partnerOrgId]/start): email-first
 * sign-in sends people here with `login_hint`; "Test connection" with `test=1`.
 */
export function ssoStartPath(partnerOrgId: string, options: { loginHint?: string; test?: boolean; returnTo?: string } = {}): string {
  const query = new URLSearchParams();
  if (options.loginHint) query.set("login_hint", options.loginHint);
  if (options.test) query.set("test", "1");
  if (options.returnTo) query.set("return_to", options.returnTo);
  const q = query.toString();
  return `/api/sso/${encodeURIComponent(partnerOrgId)}/start${q ? `?${q}` : ""}`;
}

/** Records a sign-in (or test) on its way to the provider; its id is the OIDC state or the SAML request ID. */
export async function createSsoRequest(
  db: Db,
  input: { partnerOrgId: string; protocol: SsoProtocol; purpose: "sign_in" | "test"; codeVerifier?: string; nonce?: string; initiatedBy?: string; returnTo?: string | null },
): Promise<SsoRequestRow> {
  await db.delete(ssoRequest).where(lt(ssoRequest.expiresAt, new Date()));
  const [row] = await db
    .insert(ssoRequest)
    .values({
      // SAML IDs must not start with a digit (xs:ID): the prefix keeps an id usable for both protocols.
      id: `_${newId()}`,
      partnerOrgId: input.partnerOrgId,
      protocol: input.protocol,
      purpose: input.purpose,
      codeVerifier: input.codeVerifier ?? null,
      nonce: input.nonce ?? null,
      initiatedBy: input.initiatedBy ?? null,
      returnTo: input.returnTo ?? null,
      expiresAt: new Date(Date.now() + REQUEST_TTL_MS),
    })
    .returning();
  return row!;
}

/**
 * Uses up the pending request an answer names (its state / InResponseTo): once, for this partner
 * and protocol, before it expires. Null for anything else (unknown, replayed, expired, another
 * partner's): the caller refuses the answer.
 */
export async function takeSsoRequest(db: Db, id: string, partnerOrgId: string, protocol: SsoProtocol): Promise<SsoRequestRow | null> {
  // Only what an id looks like reaches the database (a NUL byte in a text parameter is a PostgreSQL error).
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(id)) return null;
  const [row] = await db
    .delete(ssoRequest)
    .where(and(eq(ssoRequest.id, id), eq(ssoRequest.partnerOrgId, partnerOrgId), eq(ssoRequest.protocol, protocol), gt(ssoRequest.expiresAt, new Date())))
    .returning();
  return row ?? null;
}

/** What "Test connection" reports (partner_sso_connection.last_test_result), shown on the settings page. */
export interface SsoTestResult {
  ok: boolean;
  protocol: SsoProtocol;
  at: string;
  /** Who came back: the provider's subject and email, and the claims or attributes it sent (strings only). */
  subject?: string;
  email?: string | null;
  emailVerified?: boolean;
  attributes?: Record<string, string>;
  /** What the sign-in rule would make of that person once the connection is on (lib/sso/complete.ts). */
  signIn?: string;
  /** Why it failed, in words (never a stack trace). */
  error?: string;
}

/** Keeps at most 30 attributes of at most 200 characters each: the report is for reading, not storage. */
export function reportAttributes(source: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(source).slice(0, 30)) {
    if (value === null || value === undefined) continue;
    const text = Array.isArray(value) ? value.map(String).join(", ") : typeof value === "object" ? JSON.stringify(value) : String(value);
    out[key.slice(0, 100)] = text.slice(0, 200);
  }
  return out;
}

/** Stores a test's outcome on the partner's connection (nobody is signed in by a test). */
export async function recordSsoTestResult(db: Db, partnerOrgId: string, result: Omit<SsoTestResult, "at">): Promise<void> {
  const at = new Date();
  await db
    .update(partnerSsoConnection)
    .set({ lastTestedAt: at, lastTestResult: { ...result, at: at.toISOString() } })
    .where(eq(partnerSsoConnection.partnerOrgId, partnerOrgId));
}
