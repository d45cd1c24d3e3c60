import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { userToken } from "@/db/schema";
import { seal, unseal } from "@/lib/crypto/sealed";
import { newId } from "@/lib/ids";

/** The key purpose of reset tokens kept sealed for resending (see user_token.sealed_token). */
const SEALED_RESET = "partner-management reset link";

/**
 * Invitation and password-reset links (ASVS 6.4.1): 256 random bits, stored only as a SHA-256
 * hash, single-use, expiring. Issuing a new one revokes the principal's earlier unused ones.
 */
export type TokenPurpose = "invite" | "reset";
export type PrincipalKind = "admin" | "partner_user";
export interface TokenPrincipal {
  principalKind: PrincipalKind;
  principalId: string;
}

export function hashToken(raw: string): string {
  return createHash("sha256").update(raw, "utf8").digest("hex");
}

export async function issueToken(
  db: Queryable,
  opts: TokenPrincipal & { purpose: TokenPurpose; ttlHours: number; now?: Date },
): Promise<{ token: string; expiresAt: Date }> {
  const now = opts.now ?? new Date();
  await revokeTokens(db, opts, opts.purpose);
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + opts.ttlHours * 3600_000);
  // A reset link is kept sealed, so "Forgot password?" can send this one again (liveResetLink).
  const sealedToken = opts.purpose === "reset" ? await seal(SEALED_RESET, token) : null;
  await db.insert(userToken).values({
    sealedToken,
    id: newId(),
    tokenHash: hashToken(token),
    purpose: opts.purpose,
    principalKind: opts.principalKind,
    principalId: opts.principalId,
    expiresAt,
    created: now,
  });
  return { token, expiresAt };
}

/**
 * The principal's reset token that still works (unused, not revoked, not expired), read back from
 * its sealed copy; null when there is none (or it cannot be read, e.g. after AUTH_SECRET changed).
 */
export async function liveResetToken(db: Queryable, principal: TokenPrincipal, now = new Date()): Promise<{ token: string; expiresAt: Date } | null> {
  const [row] = await db
    .select({ sealedToken: userToken.sealedToken, expiresAt: userToken.expiresAt })
    .from(userToken)
    .where(
      and(
        eq(userToken.principalKind, principal.principalKind),
        eq(userToken.principalId, principal.principalId),
        eq(userToken.purpose, "reset"),
        isNull(userToken.usedAt),
        isNull(userToken.revokedAt),
        sql`${userToken.expiresAt} > ${now.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(sql`${userToken.created} desc`)
    .limit(1);
  if (!row?.sealedToken) return null;
  const token = await unseal(SEALED_RESET, row.sealedToken).catch(() => null);
  return token ? { token, expiresAt: row.expiresAt } : null;
}

/** Revokes the principal's unused tokens (of one purpose, or all). */
export async function revokeTokens(db: Queryable, principal: TokenPrincipal, purpose?: TokenPurpose): Promise<number> {
  const revoked = await db
    .update(userToken)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(userToken.principalKind, principal.principalKind),
        eq(userToken.principalId, principal.principalId),
        purpose ? eq(userToken.purpose, purpose) : undefined,
        isNull(userToken.usedAt),
        isNull(userToken.revokedAt),
      ),
    )
    .returning({ id: userToken.id });
  return revoked.length;
}

export type TokenState = "valid" | "expired" | "used" | "revoked" | "unknown";

/** What a link is now, without using it: for showing a clear page for expired or used links. */
export async function inspectToken(
  db: Queryable,
  raw: string,
  purpose: TokenPurpose,
  now = new Date(),
): Promise<{ state: TokenState; principal?: TokenPrincipal }> {
  if (!raw || raw.length > 200) return { state: "unknown" };
  const [row] = await db
    .select()
    .from(userToken)
    .where(and(eq(userToken.tokenHash, hashToken(raw)), eq(userToken.purpose, purpose)));
  if (!row) return { state: "unknown" };
  const principal = { principalKind: row.principalKind, principalId: row.principalId };
  if (row.usedAt) return { state: "used", principal };
  if (row.revokedAt) return { state: "revoked", principal };
  if (row.expiresAt.getTime() <= now.getTime()) return { state: "expired", principal };
  return { state: "valid", principal };
}

/**
 * Uses a link once: one conditional UPDATE, so of two simultaneous uses exactly one succeeds.
 * Call it inside the transaction that sets the password, so both happen or neither.
 */
export async function consumeToken(
  db: Queryable,
  raw: string,
  purpose: TokenPurpose,
  now = new Date(),
): Promise<TokenPrincipal | null> {
  if (!raw || raw.length > 200) return null;
  const [row] = await db
    .update(userToken)
    .set({ usedAt: now })
    .where(
      and(
        eq(userToken.tokenHash, hashToken(raw)),
        eq(userToken.purpose, purpose),
        isNull(userToken.usedAt),
        isNull(userToken.revokedAt),
        sql`${userToken.expiresAt} > ${now.toISOString()}::timestamptz`,
      ),
    )
    .returning();
  return row ? { principalKind: row.principalKind, principalId: row.principalId } : null;
}

/** The newest invitation of a principal, for showing "invited" or "invitation expired". */
export async function latestInvitation(db: Queryable, principal: TokenPrincipal) {
  const [row] = await db
    .select()
    .from(userToken)
    .where(
      and(
        eq(userToken.principalKind, principal.principalKind),
        eq(userToken.principalId, principal.principalId),
        eq(userToken.purpose, "invite"),
      ),
    )
    .orderBy(sql`${userToken.created} desc`)
    .limit(1);
  return row;
}
