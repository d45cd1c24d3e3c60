import "server-only";
import { asc, eq, sql, type SQL } from "drizzle-orm";
import type { Db, Queryable } from "@/db";
import { usageDaily, usageMetric, type UsageMetricRow } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { conflict, notFound, pgError } from "@/lib/errors";
import type { CreateMetricInput, UpdateMetricInput } from "@/lib/validations/usage-metric";
import { newId } from "@/lib/ids";

export const METRIC_NOT_FOUND = "Usage metric not found.";
const KEY_TAKEN = "A usage metric with this key already exists.";

export type MetricWithUsage = UsageMetricRow & { hasUsage: boolean };

const AUDITED = ["key", "name", "unit", "aggregation"] as const;
const audited = (row: UsageMetricRow) => Object.fromEntries(AUDITED.map((k) => [k, row[k]]));

/**
 * The first day with usage of a metric, null when it has none: one probe of the (metric, day)
 * index. Written as ORDER BY … LIMIT 1 rather than EXISTS, which the planner may answer by
 * scanning every roll-up for a metric that has none.
 */
const firstUsageDay = (metricId: SQL | string) =>
  sql<string | null>`(select ${usageDaily.day} from ${usageDaily} where ${usageDaily.metricId} = ${metricId} order by ${usageDaily.day} limit 1)`;

async function hasUsage(db: Queryable, metricId: string): Promise<boolean> {
  const [row] = await db.select({ first: firstUsageDay(metricId) }).from(sql`(select 1) as probe`);
  return row?.first != null;
}

/** Every metric, by name. A business defines a handful, so there is no paging. */
export async function listMetrics(db: Queryable, actor: Actor): Promise<MetricWithUsage[]> {
  assertCan(actor, "metric:read");
  const rows = await db
    .select({
      metric: usageMetric,
      firstUsage: firstUsageDay(sql`${usageMetric.id}`),
    })
    .from(usageMetric)
    .orderBy(asc(usageMetric.name), asc(usageMetric.id));
  return rows.map((r) => ({ ...r.metric, hasUsage: r.firstUsage != null }));
}

function keyTaken(err: unknown): never {
  if (pgError(err).constraint === "usage_metric_key_key") throw conflict(KEY_TAKEN, { key: [KEY_TAKEN] });
  throw err;
}

export async function createMetric(db: Db, actor: Actor, input: CreateMetricInput): Promise<UsageMetricRow> {
  assertCan(actor, "metric:manage");
  const now = new Date();
  return db
    .transaction(async (tx) => {
      const [row] = await tx.insert(usageMetric).values({ id: newId(), ...input, created: now, modified: now }).returning();
      await recordActivity(tx, actor, { action: "usage_metric.created", targetKind: "usage_metric", targetId: row!.id, change: { after: audited(row!) } });
      return row!;
    })
    .catch(keyTaken);
}

/**
 * Name and unit may always change. The key and the aggregation only while no usage is stored:
 * integrators send the key, and the stored roll-ups were added up by the aggregation.
 * The row is locked first, so an ingestion that reads the metric waits or sees the new key.
 */
export async function updateMetric(db: Db, actor: Actor, input: UpdateMetricInput): Promise<UsageMetricRow> {
  assertCan(actor, "metric:manage");
  return db
    .transaction(async (tx) => {
      const [before] = await tx.select().from(usageMetric).where(eq(usageMetric.id, input.id)).for("update");
      if (!before) throw notFound(METRIC_NOT_FOUND);
      const fixed = (["key", "aggregation"] as const).filter((k) => before[k] !== input[k]);
      if (fixed.length && (await hasUsage(tx, before.id))) {
        const message = "The key and the aggregation cannot change once usage is stored for the metric.";
        throw conflict(message, Object.fromEntries(fixed.map((k) => [k, [message]])));
      }
      const [after] = await tx
        .update(usageMetric)
        .set({ key: input.key, name: input.name, unit: input.unit, aggregation: input.aggregation, modified: new Date() })
        .where(eq(usageMetric.id, input.id))
        .returning();
      const changed = AUDITED.filter((k) => before[k] !== after![k]);
      if (changed.length) {
        await recordActivity(tx, actor, {
          action: "usage_metric.updated",
          targetKind: "usage_metric",
          targetId: before.id,
          change: { before: Object.fromEntries(changed.map((k) => [k, before[k]])), after: Object.fromEntries(changed.map((k) => [k, after![k]])) },
        });
      }
      return after!;
    })
    .catch(keyTaken);
}

/** Refused while usage is stored for the metric: its reports would lose their figures. */
export async function deleteMetric(db: Db, actor: Actor, id: string): Promise<void> {
  assertCan(actor, "metric:manage");
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(usageMetric).where(eq(usageMetric.id, id)).for("update");
    if (!before) throw notFound(METRIC_NOT_FOUND);
    if (await hasUsage(tx, id)) throw conflict("This metric has stored usage, so it cannot be deleted. Rename it instead.");
    await tx.delete(usageMetric).where(eq(usageMetric.id, id));
    await recordActivity(tx, actor, { action: "usage_metric.deleted", targetKind: "usage_metric", targetId: id, change: { before: audited(before) } });
  });
}
