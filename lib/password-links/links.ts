import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db, Queryable } from "@/db";
import { adminUser, partnerUser } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { config } from "@/lib/config";
import type { Mail } from "@/lib/mail";
import { queueMail } from "@/lib/mail/outbox";
import { hit } from "@/lib/rate-limit";
import { mayResetPassword } from "@/lib/sso/require-sso";
import {
  consumeToken,
  inspectToken,
  issueToken,
  liveResetToken,
  revokeTokens,
  type PrincipalKind,
  type TokenPrincipal,
  type TokenPurpose,
  type TokenState,
} from "@/lib/password-links/tokens";

/**
 * Invitation and password-reset links for both kinds of user (portal admins and partner users):
 * issue a link and queue its mail inside the transaction of the change (the outbox worker sends
 * it once that commits, retrying through an SMTP outage; a rolled-back change mails nothing), and
 * set the password when the link is used. The tokens themselves live in ./tokens.ts.
 */
export interface LinkRecipient extends TokenPrincipal {
  email: string;
  /** The partner organisation, for partner users: named in the mail and in the activity entry. */
  partnerOrgId?: string | null;
  orgName?: string | null;
}

export const invitationLink = (token: string) => `${config.appUrl()}/invite/${token}`;
export const resetLink = (token: string) => `${config.appUrl()}/reset-password/${token}`;

const targetKind = (kind: PrincipalKind) => (kind === "admin" ? "admin_user" : "partner_user");
const hours = (n: number) => (n === 1 ? "1 hour" : `${n} hours`);

function invitationMail(to: LinkRecipient, link: string): Mail {
  const where =
    to.principalKind === "admin"
      ? "Partner Management as a portal admin"
      : `the partner pages${to.orgName ? ` of ${to.orgName}` : ""}`;
  const text =
    `You have been invited to ${where}.\n\n` +
    `Set your password here: ${link}\n\n` +
    `The link works once and expires in ${hours(config.inviteTtlHours())}. ` +
    `If it has expired, use "Forgot password?" on the sign-in page to get a new one.\n`;
  return { to: to.email, subject: "You are invited to Partner Management", text, html: htmlOf(text, link), link };
}

function resetMail(to: LinkRecipient, link: string): Mail {
  const text =
    `Someone asked to reset the password of your Partner Management account.\n\n` +
    `Choose a new password here: ${link}\n\n` +
    `The link works once and expires in ${hours(config.resetTtlHours())}. If you did not ask for this, ignore this mail: your password stays as it is.\n`;
  return { to: to.email, subject: "Reset your Partner Management password", text, html: htmlOf(text, link), link };
}

function htmlOf(text: string, link: string): string {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  return esc(text)
    .split("\n\n")
    .map((p) => `<p>${p.replace(esc(link), `<a href="${esc(link)}">${esc(link)}</a>`)}</p>`)
    .join("\n");
}

/**
 * Issues an invitation link inside the caller's transaction (revoking the recipient's earlier
 * ones), records it and queues its mail in the same transaction.
 */
export async function issueInvitation(tx: Queryable, actor: Actor, to: LinkRecipient, action = "invitation.sent"): Promise<void> {
  const { token, expiresAt } = await issueToken(tx, { ...to, purpose: "invite", ttlHours: config.inviteTtlHours() });
  await recordActivity(tx, actor, {
    action,
    targetKind: targetKind(to.principalKind),
    targetId: to.principalId,
    partnerOrgId: to.partnerOrgId ?? null,
    change: { email: to.email, expiresAt: expiresAt.toISOString() },
    event: to.principalKind === "partner_user" ? "partner_user.invited" : undefined,
  });
  await queueMail(tx, invitationMail(to, invitationLink(token)), expiresAt);
}

/** The same for a password-reset link. */
export async function issuePasswordReset(tx: Queryable, actor: Actor, to: LinkRecipient): Promise<void> {
  const { token, expiresAt } = await issueToken(tx, { ...to, purpose: "reset", ttlHours: config.resetTtlHours() });
  await recordActivity(tx, actor, {
    action: "password_reset.sent",
    targetKind: targetKind(to.principalKind),
    targetId: to.principalId,
    partnerOrgId: to.partnerOrgId ?? null,
    change: { email: to.email, expiresAt: expiresAt.toISOString() },
  });
  await queueMail(tx, resetMail(to, resetLink(token)), expiresAt);
}

/** Issues an invitation in its own transaction: for (re)inviting an existing user. */
export async function sendInvitation(db: Db, actor: Actor, to: LinkRecipient, action?: string): Promise<void> {
  await db.transaction((tx) => issueInvitation(tx, actor, to, action));
}

/** Revokes the recipient's unused invitation links; true when there was one. */
export async function revokeInvitation(db: Db, actor: Actor, to: LinkRecipient): Promise<boolean> {
  return db.transaction(async (tx) => {
    const n = await revokeTokens(tx, to, "invite");
    if (n > 0) {
      await recordActivity(tx, actor, {
        action: "invitation.revoked",
        targetKind: targetKind(to.principalKind),
        targetId: to.principalId,
        partnerOrgId: to.partnerOrgId ?? null,
        change: { email: to.email },
      });
    }
    return n > 0;
  });
}

export interface PasswordSet {
  kind: PrincipalKind;
  principalId: string;
  email: string;
}

/**
 * Uses an invitation or reset link and sets the password, in one transaction: of two
 * simultaneous uses exactly one succeeds. A reset also ends every session of the user.
 * Returns null when the link is unknown, used, revoked or expired, or its user is gone.
 */
export async function setPasswordWithToken(db: Db, rawToken: string, purpose: TokenPurpose, password: string): Promise<PasswordSet | null> {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const principal = await consumeToken(tx, rawToken, purpose);
    if (!principal) return null;
    const now = new Date();
    const bump = purpose === "reset" ? { sessionVersion: sql`session_version + 1` } : {};
    let actor: Actor;
    let partnerOrgId: string | null = null;
    let activated = false;
    if (principal.principalKind === "partner_user") {
      const [was] = await tx
        .select({ passwordHash: partnerUser.passwordHash, lastSignInAt: partnerUser.lastSignInAt })
        .from(partnerUser)
        .where(eq(partnerUser.id, principal.principalId))
        .for("update");
      // A user without a password who never signed in with SSO becomes active now (either link does it).
      activated = Boolean(was && !was.passwordHash && !was.lastSignInAt);
      const [user] = await tx
        .update(partnerUser)
        .set({ passwordHash, modified: now, ...bump })
        .where(eq(partnerUser.id, principal.principalId))
        .returning();
      if (!user) return null;
      partnerOrgId = user.partnerOrgId;
      actor = { kind: "partner_user", id: user.id, partnerOrgId, role: user.role, label: user.email };
    } else {
      const [admin] = await tx
        .update(adminUser)
        .set({ passwordHash, modified: now, ...bump })
        .where(eq(adminUser.id, principal.principalId))
        .returning();
      if (!admin) return null;
      actor = { kind: "admin", id: admin.id, role: admin.role, label: admin.email };
    }
    // Any other outstanding link of this user (an invitation after a reset, or the reverse) stops working.
    await revokeTokens(tx, principal);
    await recordActivity(tx, actor, {
      action: purpose === "invite" ? "invitation.accepted" : "password_reset.completed",
      targetKind: targetKind(principal.principalKind),
      targetId: principal.principalId,
      partnerOrgId,
      event: activated ? "partner_user.activated" : undefined,
    });
    return { kind: principal.principalKind, principalId: principal.principalId, email: actor.label };
  });
}

/**
 * "Forgot password": mails a reset link when the email belongs to a user of that kind, and does
 * nothing otherwise. Callers answer the same either way and run this after responding (next/server
 * `after`), so neither the answer nor its timing tells whether the email exists.
 *
 * Nobody can silence a user's resets by asking for many: while a reset link of the user still
 * works, the same link is mailed again (never a new one that would kill the one in their inbox),
 * and at most one mail per account goes every RESEND_SECONDS. Callers also cap requests per address.
 */
export const RESET_MAIL_EVERY_SECONDS = 120;

export async function requestPasswordReset(db: Db, email: string, kind: PrincipalKind = "partner_user"): Promise<boolean> {
  const lowered = email.trim().toLowerCase();
  if (!lowered || lowered.length > 254) return false;
  if (!(await hit(db, `reset:${kind}:${lowered}`, 1, RESET_MAIL_EVERY_SECONDS))) return false;
  const to = await findRecipient(db, kind, lowered);
  if (!to) return false;
  // Require SSO: only the partner's break-glass Admin still has a password to reset.
  if (to.principalKind === "partner_user" && !(await mayResetPassword(db, to.principalId))) return false;
  const actor: Actor = { kind: "anonymous", label: lowered };
  await db.transaction(async (tx) => {
    const live = await liveResetToken(tx, to);
    if (!live) return issuePasswordReset(tx, actor, to);
    await recordActivity(tx, actor, {
      action: "password_reset.resent",
      targetKind: targetKind(to.principalKind),
      targetId: to.principalId,
      partnerOrgId: to.partnerOrgId ?? null,
      change: { email: to.email, expiresAt: live.expiresAt.toISOString() },
    });
    await queueMail(tx, resetMail(to, resetLink(live.token)), live.expiresAt);
  });
  return true;
}

async function findRecipient(db: Queryable, kind: PrincipalKind, lowered: string): Promise<LinkRecipient | null> {
  if (kind === "partner_user") {
    const [u] = await db
      .select({ id: partnerUser.id, email: partnerUser.email, partnerOrgId: partnerUser.partnerOrgId })
      .from(partnerUser)
      .where(sql`lower(${partnerUser.email}) = ${lowered}`);
    return u ? { principalKind: kind, principalId: u.id, email: u.email, partnerOrgId: u.partnerOrgId } : null;
  }
  const [a] = await db.select({ id: adminUser.id, email: adminUser.email }).from(adminUser).where(sql`lower(${adminUser.email}) = ${lowered}`);
  return a ? { principalKind: kind, principalId: a.id, email: a.email } : null;
}

/** What a link page shows: the link's state and, while it is usable, whose password it sets. */
export async function describeLink(
  db: Queryable,
  rawToken: string,
  purpose: TokenPurpose,
): Promise<{ state: TokenState; kind?: PrincipalKind; email?: string }> {
  const { state, principal } = await inspectToken(db, rawToken, purpose);
  if (!principal) return { state };
  const table = principal.principalKind === "admin" ? adminUser : partnerUser;
  const [row] = await db.select({ email: table.email }).from(table).where(eq(table.id, principal.principalId));
  if (!row) return { state: "unknown" };
  return { state, kind: principal.principalKind, email: state === "valid" ? row.email : undefined };
}
