import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db, Queryable } from "@/db";
import { partnerOrg, partnerUser, type PartnerRole, type PartnerUserRow } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { conflict, DomainError, notFound, pgError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { issueInvitation } from "@/lib/password-links/links";
import { decodeCursor, encodeCursor } from "@/lib/pagination";

export const DUPLICATE_EMAIL_MESSAGE =
  "A partner user with this email address already exists. An email address can belong to only one partner user, across all partners.";

export interface PartnerUserFields {
  email: string;
  name?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  phone?: string | null;
  role?: PartnerRole;
  /** Set by a partner's directory (SCIM): its id for the user, and its userName when not the email. */
  externalId?: string | null;
  directoryUserName?: string | null;
  /** Created suspended (a directory may provision a disabled account). */
  suspended?: boolean;
  /**
   * False for a user who signs in only through the partner's single sign-on (a just-in-time
   * member): no invitation to set a password is sent. Default true.
   */
  invite?: boolean;
}

/** "Name" as Limio shows it: the single name, else first and last name, else nothing. */
export function fullName(user: Pick<PartnerUserRow, "name" | "firstName" | "lastName">): string | null {
  if (user.name) return user.name;
  const parts = [user.firstName, user.lastName].filter(Boolean);
  return parts.length ? parts.join(" ") : null;
}

/**
 * Creates a partner user. The email is unique across all partners, case-insensitively: the
 * unique index on lower(email) decides, so racing requests end with exactly one user.
 * The first user of an organisation is its Admin. The invitation link is issued and its mail
 * queued in the same transaction; the outbox worker sends it once it commits.
 */
export async function createPartnerUser(
  db: Db,
  actor: Actor,
  orgId: string,
  input: PartnerUserFields,
): Promise<PartnerUserRow> {
  assertCan(actor, "user:create", orgId);
  if (input.role && input.role !== "viewer") assertCan(actor, "user:role", orgId);
  if (input.suspended) assertCan(actor, "user:suspend", orgId);
  const now = new Date();
  try {
    return await db.transaction(async (tx) => {
      // Locks the organisation: it cannot be deleted under us, and "first user" is decided once.
      const [org] = await tx.select({ id: partnerOrg.id, name: partnerOrg.name }).from(partnerOrg).where(eq(partnerOrg.id, orgId)).for("update");
      if (!org) throw notFound("Partner organisation not found.");
      const [existing] = await tx
        .select({ id: partnerUser.id })
        .from(partnerUser)
        .where(eq(partnerUser.partnerOrgId, orgId))
        .limit(1);
      const role: PartnerRole = input.role ?? (existing ? "viewer" : "admin");
      const [user] = await tx
        .insert(partnerUser)
        .values({
          id: newId(),
          partnerOrgId: orgId,
          email: input.email.trim(),
          name: input.name ?? null,
          firstName: input.firstName ?? null,
          lastName: input.lastName ?? null,
          phone: input.phone ?? null,
          role,
          externalId: input.externalId ?? null,
          directoryUserName: input.directoryUserName ?? null,
          suspendedAt: input.suspended ? now : null,
          created: now,
          modified: now,
        })
        .returning();
      await recordActivity(tx, actor, {
        action: "partner_user.created",
        targetKind: "partner_user",
        targetId: user!.id,
        partnerOrgId: orgId,
        change: { after: { email: user!.email, name: fullName(user!), role, phone: user!.phone, ...(input.suspended ? { suspended: true } : {}) } },
        event: { type: "partner_user.created", row: user! },
      });
      if (input.invite !== false) await issueInvitation(tx, actor, {
        principalKind: "partner_user",
        principalId: user!.id,
        email: user!.email,
        partnerOrgId: orgId,
        orgName: org.name,
      });
      return user!;
    });
  } catch (err) {
    throw await uniquenessErrorFor(db, actor, orgId, input.email, err);
  }
}

/** What a partner Admin hears when the email is a user of another partner: nothing about that partner. */
export const CANNOT_INVITE_MESSAGE = "This email cannot be invited. Ask the portal admins.";

/**
 * Emails are unique across partners, but whether an email is a user of another partner is not a
 * partner user's business: they hear CANNOT_INVITE_MESSAGE; portal admins (and API clients, and a
 * directory over SCIM, whose protocol needs `uniqueness`) keep the precise message.
 */
async function uniquenessErrorFor(db: Db, actor: Actor, orgId: string, email: string, err: unknown): Promise<unknown> {
  const mapped = uniquenessError(err);
  if (actor.kind !== "partner_user" || !(mapped instanceof DomainError) || mapped.message !== DUPLICATE_EMAIL_MESSAGE) return mapped;
  const [owner] = await db.select({ orgId: partnerUser.partnerOrgId }).from(partnerUser).where(sql`lower(${partnerUser.email}) = ${email.trim().toLowerCase()}`);
  if (owner?.orgId === orgId) return mapped;
  return conflict(CANNOT_INVITE_MESSAGE, { email: [CANNOT_INVITE_MESSAGE] });
}

export const DUPLICATE_USER_NAME_MESSAGE = "Another user of this organisation already has this directory user name.";

/** A unique index refused the write: which rule it was, in words for the caller. */
export function uniquenessError(err: unknown): unknown {
  const { code, constraint } = pgError(err);
  if (code !== "23505") return err;
  if (constraint === "partner_user_org_directory_user_name_key") return conflict(DUPLICATE_USER_NAME_MESSAGE, { userName: [DUPLICATE_USER_NAME_MESSAGE] });
  return conflict(DUPLICATE_EMAIL_MESSAGE, { email: [DUPLICATE_EMAIL_MESSAGE] });
}

export async function getPartnerUser(db: Queryable, actor: Actor, orgId: string, userId: string): Promise<PartnerUserRow> {
  assertCan(actor, "user:read", orgId);
  const [user] = await db
    .select()
    .from(partnerUser)
    .where(and(eq(partnerUser.id, userId), eq(partnerUser.partnerOrgId, orgId)));
  if (!user) throw notFound("Partner user not found.");
  return user;
}

/** Deletes a user of that organisation; a user of another organisation is "not found". */
export async function deletePartnerUser(db: Db, actor: Actor, orgId: string, userId: string): Promise<void> {
  assertCan(actor, "user:delete", orgId);
  await db.transaction(async (tx) => {
    const [deleted] = await tx
      .delete(partnerUser)
      .where(and(eq(partnerUser.id, userId), eq(partnerUser.partnerOrgId, orgId)))
      .returning();
    if (!deleted) throw notFound("Partner user not found.");
    await recordActivity(tx, actor, {
      action: "partner_user.deleted",
      targetKind: "partner_user",
      targetId: userId,
      partnerOrgId: orgId,
      change: { before: { email: deleted.email, name: fullName(deleted), role: deleted.role } },
      event: { type: "partner_user.deleted", row: deleted },
    });
  });
}

/** A page of an organisation's users, ordered by id, keyset on the id. */
export async function listPartnerUsers(
  db: Queryable,
  actor: Actor,
  orgId: string,
  opts: { limit: number; queryMore?: string },
): Promise<{ rows: PartnerUserRow[]; queryMore?: string }> {
  assertCan(actor, "user:read", orgId);
  const after = opts.queryMore ? decodeCursor(opts.queryMore, 1)[0]! : undefined;
  const [org] = await db.select({ id: partnerOrg.id }).from(partnerOrg).where(eq(partnerOrg.id, orgId));
  if (!org) throw notFound("Partner organisation not found.");
  const rows = await db
    .select()
    .from(partnerUser)
    .where(and(eq(partnerUser.partnerOrgId, orgId), after ? sql`${partnerUser.id} > ${after}` : undefined))
    .orderBy(asc(partnerUser.id))
    .limit(opts.limit + 1);
  const more = rows.length > opts.limit;
  const page = more ? rows.slice(0, opts.limit) : rows;
  return { rows: page, queryMore: more ? encodeCursor([page.at(-1)!.id]) : undefined };
}
