import "server-only";
import { and, asc, gt } from "drizzle-orm";
import type { Queryable } from "@/db";
import { activity } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { csvRecord } from "@/lib/csv";
import { decodeCursor, encodeCursor } from "@/lib/pagination";
import { pulledStream } from "@/lib/streams";
import { activityFilter, scopedFilters, type ActivityFilters, type ActivityRow } from "./query";

/**
 * The audit trail out of the app: the Activity page's exports (CSV, JSON Lines) and
 * GET /api/partner-management/activity, with the page's filters. Oldest first, keyset on the
 * time-ordered id, so a SIEM that pulls with `queryMore` continues where it stopped.
 */
const BATCH = 1000;

/** One entry as the API and JSON Lines show it. */
export function toActivityRecord(r: ActivityRow) {
  return {
    id: r.id,
    timestamp: r.at.toISOString(),
    actor: { kind: r.actorKind, id: r.actorId, label: r.actorLabel },
    action: r.action,
    target: { kind: r.targetKind, id: r.targetId },
    partner_org: r.partnerOrgId,
    change: r.change ?? null,
    success: r.success,
  };
}

async function batch(db: Queryable, filters: ActivityFilters, afterId: string | undefined, size: number): Promise<ActivityRow[]> {
  return db
    .select()
    .from(activity)
    .where(and(activityFilter(filters), afterId ? gt(activity.id, afterId) : undefined))
    .orderBy(asc(activity.id))
    .limit(size);
}

/** Pulls the selected entries batch by batch and renders each batch with `render`. */
function entriesStream(db: Queryable, actor: Actor, search: ActivityFilters, first: string, render: (r: ActivityRow) => string): ReadableStream<Uint8Array> {
  const filters = scopedFilters(actor, search);
  let last: string | undefined;
  let done = false;
  return pulledStream(first, async () => {
    if (done) return null;
    const rows = await batch(db, filters, last, BATCH);
    if (rows.length < BATCH) done = true;
    if (!rows.length) return null;
    last = rows.at(-1)!.id;
    return rows.map(render);
  });
}

export const ACTIVITY_CSV_HEADER = ["Time (UTC)", "Actor", "Actor type", "Actor ID", "Action", "Target type", "Target ID", "Partner Organisation ID", "Change", "Succeeded", "Entry ID"];

/** CSV: cells that a spreadsheet would run as a formula are neutralised by `csvRecord`. */
export function activityCsvStream(db: Queryable, actor: Actor, search: ActivityFilters): ReadableStream<Uint8Array> {
  return entriesStream(db, actor, search, `\ufeff${csvRecord(ACTIVITY_CSV_HEADER)}`, (r) =>
    csvRecord([
      r.at.toISOString(), r.actorLabel, r.actorKind, r.actorId, r.action, r.targetKind, r.targetId, r.partnerOrgId,
      r.change ? JSON.stringify(r.change) : "", r.success ? "yes" : "no", r.id,
    ]),
  );
}

/** JSON Lines: one entry per line, as the API shows it. */
export function activityJsonLinesStream(db: Queryable, actor: Actor, search: ActivityFilters): ReadableStream<Uint8Array> {
  return entriesStream(db, actor, search, "", (r) => `${JSON.stringify(toActivityRecord(r))}\n`);
}

/** GET /activity: a page of entries, oldest first, and the cursor of the next page. */
export async function listActivityByKey(
  db: Queryable,
  actor: Actor,
  search: ActivityFilters & { limit: number; queryMore?: string },
): Promise<{ items: ReturnType<typeof toActivityRecord>[]; queryMore?: string }> {
  const filters = scopedFilters(actor, search);
  const after = search.queryMore ? decodeCursor(search.queryMore, 1)[0]! : undefined;
  const rows = await batch(db, filters, after, search.limit + 1);
  const more = rows.length > search.limit;
  const page = more ? rows.slice(0, search.limit) : rows;
  return { items: page.map(toActivityRecord), queryMore: more ? encodeCursor([page.at(-1)!.id]) : undefined };
}
