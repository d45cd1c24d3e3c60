import "server-only";
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { partnerOrg, partnerUser, type PartnerRole, type PartnerUserRow } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { invalid, notFound } from "@/lib/errors";

/**
 * A portal admin moves a partner user to another partner organisation (seed 003's user registered
 * under the wrong partner). The user keeps their id, sign-in and history, takes the chosen role
 * (Viewer unless told otherwise), and every session of theirs ends.
 *
 * Unlike the partner's own team rules, this may leave the old partner without an Admin: the user
 * to move is often that partner's only member, and it is a portal admin who acts. The entry says so.
 */
export async function movePartnerUser(
  db: Db,
  actor: Actor,
  fromOrgId: string,
  userId: string,
  opts: { toOrgId: string; role?: PartnerRole },
): Promise<PartnerUserRow> {
  assertCan(actor, "user:move", fromOrgId);
  assertCan(actor, "user:move", opts.toOrgId);
  if (opts.toOrgId === fromOrgId) {
    const message = "The user already belongs to this partner organisation.";
    throw invalid(message, { toOrgId: [message], partnerOrganisationId: [message] });
  }
  const role = opts.role ?? "viewer";
  return db.transaction(async (tx) => {
    // Both partners, in id order (two opposite moves cannot deadlock); NO KEY UPDATE excludes a
    // concurrent role change or delete there, as the team rules' own lock does.
    const orgs = await tx
      .select({ id: partnerOrg.id, name: partnerOrg.name })
      .from(partnerOrg)
      .where(inArray(partnerOrg.id, [fromOrgId, opts.toOrgId]))
      .orderBy(asc(partnerOrg.id))
      .for("no key update");
    const from = orgs.find((o) => o.id === fromOrgId);
    const to = orgs.find((o) => o.id === opts.toOrgId);
    if (!from) throw notFound("Partner organisation not found.");
    if (!to) throw notFound("The partner organisation to move the user to was not found.");
    const [before] = await tx
      .select()
      .from(partnerUser)
      .where(and(eq(partnerUser.id, userId), eq(partnerUser.partnerOrgId, fromOrgId)))
      .for("update");
    if (!before) throw notFound("Partner user not found.");
    const [{ admins }] = (await tx
      .select({ admins: sql<number>`count(*)::int` })
      .from(partnerUser)
      .where(and(eq(partnerUser.partnerOrgId, fromOrgId), eq(partnerUser.role, "admin"), ne(partnerUser.id, userId)))) as [{ admins: number }];
    const [after] = await tx
      .update(partnerUser)
      .set({ partnerOrgId: to.id, role, sessionVersion: sql`${partnerUser.sessionVersion} + 1`, modified: new Date() })
      .where(eq(partnerUser.id, userId))
      .returning();
    await recordActivity(tx, actor, {
      action: "partner_user.moved",
      targetKind: "partner_user",
      targetId: userId,
      partnerOrgId: to.id,
      change: {
        email: before.email,
        before: { partnerOrgId: from.id, partnerName: from.name, role: before.role },
        after: { partnerOrgId: to.id, partnerName: to.name, role },
        sourceLeftWithoutAdmin: Number(admins) === 0,
      },
    });
    return after!;
  });
}
