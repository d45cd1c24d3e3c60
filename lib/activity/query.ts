import "server-only";
import { and, asc, desc, eq, ilike, inArray, lt, gt, gte, or, sql, type SQL } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db";
import { activity, partnerOrg } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { forbidden } from "@/lib/errors";
import { decodeCursor, encodeCursor, escapeLike } from "@/lib/pagination";
import type { ActivitySearch } from "@/lib/validations/activity";

export type ActivityRow = typeof activity.$inferSelect;

/** Every action the app records, for the filter's choices. */
export const ACTIVITY_ACTIONS = [
  "partner_org.created",
  "partner_org.updated",
  "partner_org.deleted",
  "partner_org.form_submitted",
  "partner_user.created",
  "partner_user.deleted",
  "partner_user.role_changed",
  "partner_user.updated",
  "partner_user.suspended",
  "partner_user.restored",
  "partner_user.imported",
  "partner_user.moved",
  "organisation.created",
  "organisation.updated",
  "organisation.moved",
  "organisation.deleted",
  "invitation.sent",
  "invitation.accepted",
  "invitation.resent",
  "invitation.revoked",
  "password_reset.sent",
  "password_reset.completed",
  "password_reset.resent",
  "admin.invited",
  "admin.role_changed",
  "admin.removed",
  "admin.signed_in",
  "admin.sign_in_failed",
  "admin.signed_out_everywhere",
  "admin.sessions_ended",
  "partner_user.signed_in",
  "partner_user.signed_out_everywhere",
  "partner_user.sign_in_failed",
  "api_client.created",
  "api_client.revoked",
  "partner_org.suspended",
  "partner_org.reactivated",
  "partner_org.logo_uploaded",
  "partner_org.logo_deleted",
  "partner_org.support_info_updated",
  "webhook_endpoint.created",
  "webhook_endpoint.secret_rotated",
  "webhook_endpoint.disabled",
  "webhook_endpoint.enabled",
  "webhook_endpoint.deleted",
  "webhook_endpoint.delivery_resent",
  "scim_token.created",
  "scim_token.revoked",
  "partner_sso_connection.saved",
  "partner_sso_connection.settings_changed",
  "partner_sso_connection.removed",
  "usage_metric.created",
  "usage_metric.updated",
  "usage_metric.deleted",
  "usage.ingested",
  "partner_domain.added",
  "partner_domain.verified",
  "partner_domain.marked_verified",
  "partner_domain.removed",
  "partner_user.break_glass_sign_in",
] as const;

/**
 * What a partner account's Activity page lists: the changes to the partner account and to its
 * organisations. Sign-ins are not changes; they stay in the portal admins' trail.
 */
export const PARTNER_ACTIVITY_ACTIONS = ACTIVITY_ACTIONS.filter(
  (a) => a.startsWith("partner_org.") || a.startsWith("organisation.") || a.startsWith("invitation.") || a.startsWith("password_reset.") ||
    (a.startsWith("partner_user.") && !a.includes("sign")) ||
    a.startsWith("partner_domain.") || a.startsWith("partner_sso_connection."),
);

export interface ActivityPage {
  rows: (ActivityRow & { orgExists: boolean })[];
  nextCursor?: string;
  prevCursor?: string;
}

export type ActivityFilters = Pick<ActivitySearch, "actor" | "org" | "action" | "from" | "to"> & {
  /** Only these actions (whatever `action` asks for besides). */
  actions?: readonly string[];
};
type Filters = ActivityFilters;

const movedFrom = (orgId: string) =>
  sql`${activity.action} in ('organisation.moved', 'partner_user.moved') and (${activity.change} #>> '{before,partnerOrgId}') = ${orgId}`;

export function activityFilter(f: Filters): SQL | undefined {
  const actor = f.actor.trim();
  const toExclusive = f.to ? new Date(Date.parse(`${f.to}T00:00:00Z`) + 86_400_000) : undefined;
  return and(
    actor ? or(eq(activity.actorId, actor), ilike(activity.actorLabel, `%${escapeLike(actor)}%`)) : undefined,
    f.org ? eq(activity.partnerOrgId, f.org) : undefined,
    f.action ? eq(activity.action, f.action) : undefined,
    f.actions ? inArray(activity.action, [...f.actions]) : undefined,
    f.from ? gte(activity.at, new Date(`${f.from}T00:00:00Z`)) : undefined,
    toExclusive ? lt(activity.at, toExclusive) : undefined,
  );
}

/**
 * The filters as this actor may use them: a partner user (their Admin) reads only their own
 * organisation's entries, whatever they asked for; everyone needs "activity:read".
 */
export function scopedFilters<F extends Filters>(actor: Actor, search: F): F {
  const filters = { ...search };
  if (actor.kind === "partner_user") {
    if (filters.org && filters.org !== actor.partnerOrgId) throw forbidden();
    filters.org = actor.partnerOrgId;
  }
  assertCan(actor, "activity:read", filters.org || undefined);
  return filters;
}

/**
 * A page of the audit trail, newest first. Ids are time-ordered UUIDv7, so the keyset is the id
 * alone: `after` pages to older entries, `before` back to newer ones. Never OFFSET.
 * Partner users (their Admins) read only their own organisation's entries.
 */
export async function listActivity(
  db: Queryable,
  actor: Actor,
  search: Filters & { after?: string; before?: string; size: number },
): Promise<ActivityPage> {
  const filters = scopedFilters(actor, search);
  const backwards = search.before !== undefined && search.after === undefined;
  const cursor = backwards ? search.before : search.after;
  const cursorId = cursor ? decodeCursor(cursor, 1, "The page link is no longer valid.")[0]! : undefined;
  const keyset = cursorId ? (backwards ? gt(activity.id, cursorId) : lt(activity.id, cursorId)) : undefined;
  const order = () => (backwards ? asc(activity.id) : desc(activity.id));
  const page = db.select().from(activity).where(and(activityFilter(filters), keyset)).orderBy(order()).limit(search.size + 1);
  // A move is recorded under the new partner; the old partner's trail adds the moves away from it
  // (activity_moved_from_idx): two ordered index scans merged, still keyset on the id.
  const fetched = filters.org
    ? await unionAll(
        page,
        db
          .select()
          .from(activity)
          .where(and(activityFilter({ ...filters, org: "" }), keyset, movedFrom(filters.org)))
          .orderBy(order())
          .limit(search.size + 1),
      )
        .orderBy(order())
        .limit(search.size + 1)
    : await page;
  const more = fetched.length > search.size;
  let rows = more ? fetched.slice(0, search.size) : fetched;
  if (backwards) rows = rows.reverse();

  const orgIds = [...new Set(rows.map((r) => r.partnerOrgId).filter((v): v is string => Boolean(v)))];
  const existing = orgIds.length
    ? new Set((await db.select({ id: partnerOrg.id }).from(partnerOrg).where(inArray(partnerOrg.id, orgIds))).map((r) => r.id))
    : new Set<string>();
  const hasNext = backwards ? true : more;
  const hasPrev = backwards ? more : cursorId !== undefined;
  return {
    rows: rows.map((r) => ({ ...r, orgExists: r.partnerOrgId ? existing.has(r.partnerOrgId) : false })),
    nextCursor: hasNext && rows.length ? encodeCursor([rows.at(-1)!.id]) : undefined,
    prevCursor: hasPrev && rows.length ? encodeCursor([rows[0]!.id]) : undefined,
  };
}
