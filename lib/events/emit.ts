import "server-only";
import type { Queryable } from "@/db";
import { event } from "@/db/schema";
import { newId } from "@/lib/ids";
import { EVENT_RESOURCES } from "./resources";
import { resourceOf, type EventType } from "./types";

/**
 * An event declared beside an activity entry: just its type (the resource is the entry's target,
 * read in the same transaction), or the type and the resource's row when the row is gone
 * (a deletion) or already at hand.
 */
export type EventSpec = EventType | { type: EventType; row: unknown };

/** An event to write, with the audit entry it belongs to. */
export interface PendingEvent {
  spec: EventSpec;
  activityId: string | null;
  /** The entry's target: the resource of an event given by its type alone. */
  targetId: string | null;
  at: Date;
}

/**
 * Writes events into the outbox inside the caller's transaction, in the order given: they commit
 * with the change or not at all. Called by `recordActivity`; see lib/events/sequencer.ts for how
 * they are ordered and sent.
 */
export async function writeEvents(db: Queryable, pending: PendingEvent[]): Promise<void> {
  if (!pending.length) return;
  const values = [];
  for (const { spec, activityId, targetId, at } of pending) {
    const type = typeof spec === "string" ? spec : spec.type;
    const mapping = EVENT_RESOURCES[resourceOf(type)];
    if (!mapping) throw new Error(`No resource mapping for event type ${type} (lib/events/resources.ts)`);
    let row = typeof spec === "string" ? undefined : spec.row;
    if (row === undefined) {
      if (!targetId) throw new Error(`Event ${type} needs the activity entry's target or a row`);
      row = await mapping.load(db, targetId);
      if (!row) throw new Error(`Event ${type}: ${targetId} not found`);
    }
    values.push({
      id: newId(),
      type,
      resourceId: mapping.id(row),
      partnerOrgId: mapping.partnerOrgId(row),
      activityId,
      occurredAt: at,
      data: mapping.toApi(row),
    });
  }
  for (let i = 0; i < values.length; i += 500) await db.insert(event).values(values.slice(i, i + 500));
}
