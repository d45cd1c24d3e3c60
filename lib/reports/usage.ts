import "server-only";
import { asc, count, eq, sql } from "drizzle-orm";
import { rowsOf, type Queryable } from "@/db";
import { customerOrg, partnerOrg, usageMetric, type UsageAggregation } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { notFound } from "@/lib/errors";
import type { Period } from "./period";

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

type Grouped = { grouped_by_row: number; row_id: string | null; row_name: string | null; day: string | null; metric_id: string; total: string; peak: string };

export async function reportMetrics(db: Queryable): Promise<ReportMetric[]> {
  return db
    .select({ id: usageMetric.id, key: usageMetric.key, name: usageMetric.name, unit: usageMetric.unit, aggregation: usageMetric.aggregation })
    .from(usageMetric)
    .orderBy(asc(usageMetric.name), asc(usageMetric.id));
}

/** Folds the two grouping sets of a report query into rows and a daily series. */
function assemble(metrics: ReportMetric[], period: Period, grouped: Grouped[], rowOrder: (a: ReportRow, b: ReportRow) => number): UsageReport {
  const col = new Map(metrics.map((m, i) => [m.id, i]));
  const figure = (g: Grouped) => Number(metrics[col.get(g.metric_id)!]!.aggregation === "sum" ? g.total : g.peak);
  const rows = new Map<string, ReportRow>();
  const days = new Map(period.days.map((d) => [d, metrics.map((): number | null => null)]));
  for (const g of grouped) {
    const i = col.get(g.metric_id);
    if (i === undefined) continue;
    if (Number(g.grouped_by_row) === 1) {
      const key = g.row_id ?? "";
      const row = rows.get(key) ?? { id: g.row_id, name: g.row_name ?? "", values: metrics.map(() => null) };
      row.values[i] = figure(g);
      rows.set(key, row);
    } else if (g.day) {
      const values = days.get(String(g.day).slice(0, 10));
      if (values) values[i] = figure(g);
    }
  }
  return { metrics, rows: [...rows.values()].sort(rowOrder), series: [...days].map(([day, values]) => ({ day, values })) };
}

const byName = (a: ReportRow, b: ReportRow) => a.name.localeCompare(b.name, "en-GB") || String(a.id).localeCompare(String(b.id));

export type PartnerUsageReport = UsageReport & { partner: { id: string; name: string }; organisations: number };

/**
 * A partner's report: the organisations it owns now (usage follows an organisation that moves),
 * each with its figures over the period, read from the daily roll-ups through the (organisation,
 * day) key. Partner users read only their own partner's; portal admins any.
 */
export async function partnerUsageReport(db: Queryable, actor: Actor, partnerOrgId: string, period: Period): Promise<PartnerUsageReport> {
  assertCan(actor, "report:read", partnerOrgId);
  const [partner] = await db.select({ id: partnerOrg.id, name: partnerOrg.name }).from(partnerOrg).where(eq(partnerOrg.id, partnerOrgId));
  if (!partner) throw notFound("Partner organisation not found.");
  const [metrics, grouped, [owned]] = await Promise.all([
    reportMetrics(db),
    db.execute(sql`
      select grouping(d.day) as grouped_by_row, o.id as row_id, o.name as row_name, d.day::text as day, d.metric_id,
             sum(d.total)::text as total, max(d.peak)::text as peak
      from customer_org o
      join usage_daily d on d.customer_org_id = o.id and d.day between ${period.from}::date and ${period.to}::date
      where o.partner_org_id = ${partnerOrgId}
      group by grouping sets ((o.id, o.name, d.metric_id), (d.day, d.metric_id))`),
    db.select({ n: count() }).from(customerOrg).where(eq(customerOrg.partnerOrgId, partnerOrgId)),
  ]);
  const report = assemble(metrics, period, rowsOf<Grouped>(grouped), byName);
  return { ...report, partner, organisations: Number(owned?.n ?? 0) };
}

/**
 * The portal-wide report: one row per partner, its organisations' figures combined (and one row
 * for organisations of no partner, id null), and the daily series of every organisation.
 */
export async function usageByPartner(db: Queryable, actor: Actor, period: Period): Promise<UsageReport> {
  assertCan(actor, "report:read");
  const [metrics, grouped] = await Promise.all([
    reportMetrics(db),
    db.execute(sql`
      select grouping(d.day) as grouped_by_row, o.partner_org_id as row_id, coalesce(p.name, '') as row_name, d.day::text as day, d.metric_id,
             sum(d.total)::text as total, max(d.peak)::text as peak
      from usage_daily d
      join customer_org o on o.id = d.customer_org_id
      left join partner_org p on p.id = o.partner_org_id
      where d.metric_id in (select id from usage_metric) and d.day between ${period.from}::date and ${period.to}::date
      group by grouping sets ((o.partner_org_id, p.name, d.metric_id), (d.day, d.metric_id))`),
  ]);
  // "No partner" last, after the partners by name.
  return assemble(metrics, period, rowsOf<Grouped>(grouped), (a, b) => (a.id === null ? 1 : b.id === null ? -1 : byName(a, b)));
}
