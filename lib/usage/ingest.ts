import "server-only";
import { inArray, sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";
import { customerOrg, usageMetric } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { usageRecordSchema, type UsageRecordInput } from "@/lib/validations/usage";

export interface UsageRecordError {
  /** The record's position in the request, from 0. */
  index: number;
  id?: string;
  message: string;
}

/** Some records of a request were not valid: nothing of it was stored. */
export class UsageRejected extends Error {
  constructor(readonly errors: UsageRecordError[], total: number) {
    super(`${errors.length} of ${total} usage records ${total === 1 ? "is" : "are"} not valid; nothing was stored.`);
    this.name = "UsageRejected";
  }
}

export interface IngestResult {
  accepted: number;
  duplicates: number;
}

/** Checks each record on its own, so every failure is reported with its position. */
function parseRecords(records: unknown[]): { valid: Array<UsageRecordInput & { index: number }>; errors: UsageRecordError[] } {
  const valid: Array<UsageRecordInput & { index: number }> = [];
  const errors: UsageRecordError[] = [];
  records.forEach((raw, index) => {
    const parsed = usageRecordSchema.safeParse(raw);
    if (parsed.success) return void valid.push({ ...parsed.data, index });
    const id = typeof (raw as { id?: unknown })?.id === "string" ? ((raw as { id: string }).id.slice(0, 200)) : undefined;
    const message = parsed.error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : "Each record must be an object.")).join(" ");
    errors.push({ index, ...(id ? { id } : {}), message });
  });
  return { valid, errors };
}

/**
 * Stores usage records, all or nothing. A record whose id is already stored (or came earlier in
 * the same request) is ignored, so a retry never counts twice; two identical requests at once take
 * turns on the primary key and the second stores nothing. The roll-ups (per organisation and day,
 * per organisation and block of days, per partner and day) grow in the same statement from exactly
 * the records stored. The organisations are held (FOR SHARE) and the metrics (FOR KEY SHARE) until
 * commit, so a concurrent move or delete waits rather than missing this usage.
 */
export async function ingestUsage(db: Db, actor: Actor, records: unknown[]): Promise<IngestResult> {
  assertCan(actor, "usage:ingest");
  const { valid, errors } = parseRecords(records);
  return db.transaction(async (tx) => {
    const orgIds = [...new Set(valid.map((r) => r.organisationId))].sort();
    const keys = [...new Set(valid.map((r) => r.metric))].sort();
    const [orgs, metrics] = await Promise.all([
      // FOR SHARE, not KEY SHARE: a move of one of these organisations waits, so the usage is added under the partner that owns it at commit.
      orgIds.length ? tx.select({ id: customerOrg.id }).from(customerOrg).where(inArray(customerOrg.id, orgIds)).orderBy(customerOrg.id).for("share") : [],
      keys.length ? tx.select({ id: usageMetric.id, key: usageMetric.key }).from(usageMetric).where(inArray(usageMetric.key, keys)).for("key share") : [],
    ]);
    const knownOrgs = new Set(orgs.map((o) => o.id));
    const metricIds = new Map(metrics.map((m) => [m.key, m.id]));
    for (const r of valid) {
      const problems = [
        knownOrgs.has(r.organisationId) ? null : "organisationId: no customer organisation has this id.",
        metricIds.has(r.metric) ? null : `metric: no usage metric has the key "${r.metric}".`,
      ].filter(Boolean);
      if (problems.length) errors.push({ index: r.index, id: r.id, message: problems.join(" ") });
    }
    if (errors.length) throw new UsageRejected(errors.sort((a, b) => a.index - b.index), records.length);

    const seen = new Set<string>();
    const rows = valid
      .filter((r) => !seen.has(r.id) && seen.add(r.id))
      .map((r) => ({ id: r.id, org: r.organisationId, metric: metricIds.get(r.metric)!, day: r.date, quantity: String(r.quantity) }));
    const clientId = actor.kind === "api_client" ? actor.id : null;
    // Rows go in id order and roll-ups in key order, so concurrent requests lock in one order and never deadlock.
    const result = await tx.execute(sql`
      with input as (
        select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(id text, org text, metric text, day date, quantity numeric)
      ), stored as (
        insert into usage_record (id, customer_org_id, metric_id, day, quantity, api_client_id)
        select id, org, metric, day, quantity, ${clientId} from input order by id
        on conflict (id) do nothing
        returning customer_org_id, metric_id, day, quantity
      ), rolled as (
        insert into usage_daily (customer_org_id, day, metric_id, total, peak, records)
        select customer_org_id, day, metric_id, sum(quantity), max(quantity), count(*)::int
        from stored group by 1, 2, 3 order by 1, 2, 3
        on conflict (customer_org_id, day, metric_id) do update set
          total = usage_daily.total + excluded.total,
          peak = greatest(usage_daily.peak, excluded.peak),
          records = usage_daily.records + excluded.records
        returning 1
      ), blocks as (
        insert into usage_block (customer_org_id, level, start, metric_id, partner_key, total, peak)
        select s.customer_org_id, l.level, s.day - ((s.day - date '2000-01-01') % l.size), s.metric_id, coalesce(o.partner_org_id, ''),
               sum(s.quantity), max(s.quantity)
        from stored s join customer_org o on o.id = s.customer_org_id
        cross join (values (0::smallint, 1), (1::smallint, 4), (2::smallint, 16), (3::smallint, 64)) as l(level, size)
        group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4
        on conflict (customer_org_id, level, start, metric_id) do update set
          total = usage_block.total + excluded.total,
          peak = greatest(usage_block.peak, excluded.peak)
        returning 1
      ), partners as (
        insert into usage_partner_daily (partner_key, day, metric_id, total, peak, records)
        select coalesce(o.partner_org_id, ''), s.day, s.metric_id, sum(s.quantity), max(s.quantity), count(*)::int
        from stored s join customer_org o on o.id = s.customer_org_id
        group by 1, 2, 3 order by 1, 2, 3
        on conflict (partner_key, day, metric_id) do update set
          total = usage_partner_daily.total + excluded.total,
          peak = greatest(usage_partner_daily.peak, excluded.peak),
          records = usage_partner_daily.records + excluded.records
        returning 1
      )
      select (select count(*) from stored)::int as accepted`);
    const accepted = Number(rowsOf<{ accepted: number }>(result)[0]?.accepted ?? 0);
    const duplicates = valid.length - accepted;
    if (accepted > 0) {
      const days = rows.map((r) => r.day).sort();
      await recordActivity(tx, actor, {
        action: "usage.ingested",
        targetKind: "usage",
        change: { accepted, duplicates, metrics: keys, organisations: orgIds.length, from: days[0], to: days.at(-1) },
      });
    }
    return { accepted, duplicates };
  });
}
