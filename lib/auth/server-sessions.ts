import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { adminUser, authSession, partnerUser } from "@/db/schema";

/**
 * Server-side sessions (table auth_session): the session JWT carries the row's id (`sid`), and
 * every page, action and route checks the row, so signing out ends that session on every instance.
 * The user's sessionVersion stays the way domain rules end all of a user's sessions at once
 * (suspension, a reset password, a demotion); "Sign out everywhere" does both.
 */
export type SessionUserKind = "admin" | "partner_user";

/** How long a session lives without use; the same as the session JWT's maxAge (lib/auth/options.ts). */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
/** A session in use has its expiry pushed out at most once per this interval: no write per request. */
const SLIDE_EVERY_MS = 60 * 60 * 1000;

const expiry = () => new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000);

/** Starts a session at sign-in and returns its id; prunes sessions that expired meanwhile. */
export async function startServerSession(db: Queryable, userKind: SessionUserKind, userId: string): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  await db.delete(authSession).where(lt(authSession.expiresAt, sql`now()`));
  await db.insert(authSession).values({ id, userKind, userId, expiresAt: expiry() });
  return id;
}

/**
 * True while the session `sid` of this user is live. A live session's expiry slides (at most once
 * an hour), as the session cookie does.
 */
export async function serverSessionLive(db: Queryable, sid: string | undefined, userKind: SessionUserKind, userId: string): Promise<boolean> {
  if (!sid) return false;
  const [row] = await db
    .select({ expiresAt: authSession.expiresAt })
    .from(authSession)
    .where(and(eq(authSession.id, sid), eq(authSession.userKind, userKind), eq(authSession.userId, userId), sql`${authSession.expiresAt} > now()`));
  if (!row) return false;
  if (expiry().getTime() - row.expiresAt.getTime() > SLIDE_EVERY_MS) {
    await db.update(authSession).set({ expiresAt: expiry() }).where(eq(authSession.id, sid));
  }
  return true;
}

/** Ends one session (signing out). */
export async function endServerSession(db: Queryable, sid: string): Promise<void> {
  await db.delete(authSession).where(eq(authSession.id, sid));
}

/**
 * Ends every session of a user: their rows go and their session version moves on, so a session
 * cookie minted before now is refused whichever way it is checked. Run inside the caller's
 * transaction, beside its activity entry.
 */
export async function endAllServerSessions(db: Queryable, userKind: SessionUserKind, userId: string): Promise<void> {
  await db.delete(authSession).where(and(eq(authSession.userKind, userKind), eq(authSession.userId, userId)));
  if (userKind === "admin") {
    await db.update(adminUser).set({ sessionVersion: sql`${adminUser.sessionVersion} + 1` }).where(eq(adminUser.id, userId));
  } else {
    await db.update(partnerUser).set({ sessionVersion: sql`${partnerUser.sessionVersion} + 1` }).where(eq(partnerUser.id, userId));
  }
}
