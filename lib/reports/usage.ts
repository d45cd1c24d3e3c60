import "server-only";
import { asc, count, eq, sql } from "drizzle-orm";
import { rowsOf, type Queryable } from "@/db";
import { customerOrg, partnerOrg, usageMetric, type UsageAggregation } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { notFound } from "@/lib/errors";
import { blocksCovering, type Period } from "./period";

export interface ReportMetric {
  id: string;
  key: string;
  name: string;
  unit: string;
  aggregation: UsageAggregation;
}

/** One line of a report table: an organisation (or a partner), its figure per metric (null: no usage). */
export interface ReportRow {
  id: string | null;
  name: string;
  values: (number | null)[];
}

/**
 * A usage report: totals per row over the period and a daily series per metric, both aligned with
 * `metrics`. A sum metric adds up; a max metric shows the highest daily figure of any one organisation.
 */
export interface UsageReport {
  metrics: ReportMetric[];
  rows: ReportRow[];
  series: { day: string; values: (number | null)[] }[];
}

type Total = { row_id: string | null; row_name: string | null; metric_id: string; total: string; peak: string };
type Daily = { day: string; metric_id: string; total: string; peak: string };

export async function reportMetrics(db: Queryable): Promise<ReportMetric[]> {
  return db
    .select({ id: usageMetric.id, key: usageMetric.key, name: usageMetric.name, unit: usageMetric.unit, aggregation: usageMetric.aggregation })
    .from(usageMetric)
    .orderBy(asc(usageMetric.name), asc(usageMetric.id));
}

/** Rows and the daily series, each figure by its metric's aggregation, aligned with `metrics`. */
function assemble(metrics: ReportMetric[], period: Period, totals: Total[], daily: Daily[], rowOrder: (a: ReportRow, b: ReportRow) => number): UsageReport {
  const col = new Map(metrics.map((m, i) => [m.id, i]));
  const figure = (i: number, r: { total: string; peak: string }) => Number(metrics[i]!.aggregation === "sum" ? r.total : r.peak);
  const rows = new Map<string, ReportRow>();
  for (const t of totals) {
    const i = col.get(t.metric_id);
    if (i === undefined) continue;
    const key = t.row_id || "";
    const row = rows.get(key) ?? { id: t.row_id || null, name: t.row_name ?? "", values: metrics.map(() => null) };
    row.values[i] = figure(i, t);
    rows.set(key, row);
  }
  const days = new Map(period.days.map((d) => [d, metrics.map((): number | null => null)]));
  for (const d of daily) {
    const i = col.get(d.metric_id);
    const values = days.get(String(d.day).slice(0, 10));
    if (i !== undefined && values) values[i] = figure(i, d);
  }
  return { metrics, rows: [...rows.values()].sort(rowOrder), series: [...days].map(([day, values]) => ({ day, values })) };
}

const byName = (a: ReportRow, b: ReportRow) => a.name.localeCompare(b.name, "en-GB") || String(a.id).localeCompare(String(b.id));

export type PartnerUsageReport = UsageReport & { partner: { id: string; name: string }; organisations: number };

/**
 * A partner's report: the organisations it owns now (usage follows an organisation that moves),
 * each with its figures over the period, from the roll-up blocks that tile the period (about 20
 * per organisation and metric for 90 days, read in index order), and the daily series from the
 * partner's daily roll-ups. Partner users read only their own partner's; portal admins any.
 */
export async function partnerUsageReport(db: Queryable, actor: Actor, partnerOrgId: string, period: Period): Promise<PartnerUsageReport> {
  assertCan(actor, "report:read", partnerOrgId);
  const [partner] = await db.select({ id: partnerOrg.id, name: partnerOrg.name }).from(partnerOrg).where(eq(partnerOrg.id, partnerOrgId));
  if (!partner) throw notFound("Partner organisation not found.");
  const blocks = JSON.stringify(blocksCovering(period.from, period.to));
  const [metrics, totals, daily, [owned]] = await Promise.all([
    reportMetrics(db),
    db.execute(sql`
      select o.id as row_id, o.name as row_name, b.metric_id, sum(b.total)::text as total, max(b.peak)::text as peak
      from jsonb_to_recordset(${blocks}::jsonb) as k(level smallint, start date)
      join usage_block b on b.partner_key = ${partnerOrgId} and b.level = k.level and b.start = k.start
      join customer_org o on o.id = b.customer_org_id
      group by o.id, o.name, b.metric_id`),
    db.execute(sql`
      select day::text as day, metric_id, total::text as total, peak::text as peak from usage_partner_daily
      where partner_key = ${partnerOrgId} and day between ${period.from}::date and ${period.to}::date`),
    db.select({ n: count() }).from(customerOrg).where(eq(customerOrg.partnerOrgId, partnerOrgId)),
  ]);
  const report = assemble(metrics, period, rowsOf<Total>(totals), rowsOf<Daily>(daily), byName);
  return { ...report, partner, organisations: Number(owned?.n ?? 0) };
}

/**
 * The portal-wide report: one row per partner, its organisations' figures combined (and one row
 * for organisations of no partner, id null), and the daily series of every organisation, from the
 * partners' daily roll-ups.
 */
export async function usageByPartner(db: Queryable, actor: Actor, period: Period): Promise<UsageReport> {
  assertCan(actor, "report:read");
  const inPeriod = sql`p.day between ${period.from}::date and ${period.to}::date`;
  const [metrics, totals, daily] = await Promise.all([
    reportMetrics(db),
    db.execute(sql`
      select p.partner_key as row_id, coalesce(po.name, '') as row_name, p.metric_id, sum(p.total)::text as total, max(p.peak)::text as peak
      from usage_partner_daily p left join partner_org po on po.id = p.partner_key
      where ${inPeriod} group by 1, 2, 3`),
    db.execute(sql`
      select p.day::text as day, p.metric_id, sum(p.total)::text as total, max(p.peak)::text as peak
      from usage_partner_daily p where ${inPeriod} group by 1, 2`),
  ]);
  // "No partner" last, after the partners by name.
  return assemble(metrics, period, rowsOf<Total>(totals), rowsOf<Daily>(daily), (a, b) => (a.id === null ? 1 : b.id === null ? -1 : byName(a, b)));
}
