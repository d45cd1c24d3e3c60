import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { rowsOf, type Queryable } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import type { PartnerUserStatus } from "@/lib/partners/user-access";
import { addDays, type Period } from "./period";

/** What the app already records about partners' use of it, over a report's period. */
export interface Engagement {
  partnersByStatus: { status: "approved" | "pending"; count: number }[];
  usersByStatus: { status: PartnerUserStatus; count: number }[];
  /** Invitations of partner users (first sends and resends) and those accepted, within the period. */
  invitationsSent: number;
  invitationsAccepted: number;
  /** Partner user sign-ins (password and single sign-on) per week starting Monday (UTC), within the period. */
  signInsPerWeek: { week: string; count: number }[];
  /** Partner users who signed in within the last 30 days (whatever the period). */
  activeLast30Days: number;
}

/**
 * Activity ids are UUIDv7, ordered by time: the bounds of a period as ids let the (action, id) and
 * (partner, id) indexes of the trail find its rows as one range. A minute of slack each side, then
 * the exact bound on `at`.
 */
function idBound(ms: number): string {
  const hex = Math.max(0, ms).toString(16).padStart(12, "0");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-0000-0000-000000000000`;
}

export async function engagement(db: Queryable, actor: Actor, period: Period, partnerOrgId?: string): Promise<Engagement> {
  assertCan(actor, "report:read", partnerOrgId);
  const start = Date.parse(`${period.from}T00:00:00Z`);
  const end = Date.parse(`${addDays(period.to, 1)}T00:00:00Z`);
  const inPeriod = sql`a.id >= ${idBound(start - 60_000)} and a.id < ${idBound(end + 60_000)} and a.at >= ${new Date(start).toISOString()}::timestamptz and a.at < ${new Date(end).toISOString()}::timestamptz`;
  const ofPartner = (column: SQL) => (partnerOrgId ? sql`and ${column} = ${partnerOrgId}` : sql``);
  const [partners, users, invitations, signIns, active] = await Promise.all([
    db.execute(sql`select p.status::text as status, count(*)::int as n from partner_org p where true ${ofPartner(sql`p.id`)} group by 1 order by 1`),
    db.execute(sql`
      select case when u.password_hash is not null or u.last_sign_in_at is not null then 'active'
                  when t.id is null then 'not_invited'
                  when t.revoked_at is not null or t.used_at is not null then 'revoked'
                  when t.expires_at <= now() then 'expired'
                  else 'invited' end as status,
             count(*)::int as n
      from partner_user u
      left join lateral (
        select t.id, t.revoked_at, t.used_at, t.expires_at from user_token t
        where t.principal_kind = 'partner_user' and t.purpose = 'invite' and t.principal_id = u.id
        order by t.created desc, t.id desc limit 1
      ) t on u.password_hash is null and u.last_sign_in_at is null
      where true ${ofPartner(sql`u.partner_org_id`)}
      group by 1`),
    db.execute(sql`
      select a.action, count(*)::int as n from activity a
      where a.action in ('invitation.sent', 'invitation.resent', 'invitation.accepted') and a.target_kind = 'partner_user' and ${inPeriod} ${ofPartner(sql`a.partner_org_id`)}
      group by 1`),
    db.execute(sql`
      select to_char(date_trunc('week', a.at at time zone 'UTC'), 'YYYY-MM-DD') as week, count(*)::int as n from activity a
      where a.action = 'partner_user.signed_in' and ${inPeriod} ${ofPartner(sql`a.partner_org_id`)}
      group by 1 order by 1`),
    db.execute(sql`
      select count(*)::int as n from partner_user u
      where u.last_sign_in_at >= now() - interval '30 days' ${ofPartner(sql`u.partner_org_id`)}`),
  ]);
  const n = (rows: unknown, where: (r: Record<string, unknown>) => boolean) =>
    rowsOf<Record<string, unknown>>(rows).filter(where).reduce((s, r) => s + Number(r.n), 0);
  const byWeek = new Map(rowsOf<{ week: string; n: number }>(signIns).map((r) => [r.week, Number(r.n)]));
  return {
    partnersByStatus: rowsOf<{ status: "approved" | "pending"; n: number }>(partners).map((r) => ({ status: r.status, count: Number(r.n) })),
    usersByStatus: rowsOf<{ status: PartnerUserStatus; n: number }>(users).map((r) => ({ status: r.status, count: Number(r.n) })),
    invitationsSent: n(invitations, (r) => r.action !== "invitation.accepted"),
    invitationsAccepted: n(invitations, (r) => r.action === "invitation.accepted"),
    signInsPerWeek: weeksOf(period).map((week) => ({ week, count: byWeek.get(week) ?? 0 })),
    activeLast30Days: Number(rowsOf<{ n: number }>(active)[0]?.n ?? 0),
  };
}

/** The Mondays of the weeks that overlap the period. */
function weeksOf(period: Period): string[] {
  const first = new Date(`${period.from}T00:00:00Z`);
  first.setUTCDate(first.getUTCDate() - ((first.getUTCDay() + 6) % 7));
  const out: string[] = [];
  for (let d = first.toISOString().slice(0, 10); d <= period.to; d = addDays(d, 7)) out.push(d);
  return out;
}
