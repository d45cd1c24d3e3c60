import "server-only";
import { and, asc, eq, gt, isNotNull } from "drizzle-orm";
import type { Queryable } from "@/db";
import { event, type EventRow } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { invalid } from "@/lib/errors";
import { decodeCursor, encodeCursor } from "@/lib/pagination";
import type { EventPayload, EventType } from "./types";

/** The payload of a webhook and an item of GET /events. */
export function toEventPayload(row: EventRow): EventPayload {
  return { type: row.type as EventType, id: row.id, timestamp: row.occurredAt.toISOString(), data: row.data as Record<string, unknown> };
}

/**
 * Events in order (by `seq`), for an integration catching up: `queryMore` pages on, and `after`
 * (an event id the caller has already processed) resumes after downtime. Only sequenced events
 * are shown, so a page never skips one that commits later.
 */
export async function listEvents(
  db: Queryable,
  actor: Actor,
  opts: { limit: number; queryMore?: string; after?: string },
): Promise<{ items: EventPayload[]; queryMore?: string }> {
  assertCan(actor, "event:read");
  let from = 0;
  if (opts.queryMore) {
    const raw = decodeCursor(opts.queryMore, 1)[0]!;
    if (!/^\d{1,18}$/.test(raw)) throw invalid("queryMore is not a valid cursor.", { queryMore: ["queryMore is not a valid cursor."] });
    from = Number(raw);
  } else if (opts.after) {
    const [known] = await db.select({ seq: event.seq }).from(event).where(and(eq(event.id, opts.after), isNotNull(event.seq)));
    if (!known) throw invalid("after must be the id of an event.", { after: ["after must be the id of an event."] });
    from = known.seq!;
  }
  const rows = await db
    .select()
    .from(event)
    .where(and(isNotNull(event.seq), gt(event.seq, from)))
    .orderBy(asc(event.seq))
    .limit(opts.limit + 1);
  const more = rows.length > opts.limit;
  const page = more ? rows.slice(0, opts.limit) : rows;
  return { items: page.map(toEventPayload), queryMore: more ? encodeCursor([String(page.at(-1)!.seq)]) : undefined };
}
