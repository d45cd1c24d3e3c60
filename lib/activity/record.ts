import "server-only";
import { activity } from "@/db/schema";
import type { Queryable } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { writeEvents, type EventSpec, type PendingEvent } from "@/lib/events/emit";
import { newId } from "@/lib/ids";

export interface ActivityEntry {
  action: string;
  targetKind?: "partner_org" | "partner_user" | "admin_user" | "api_client" | "invitation" | "organisation" | "webhook_endpoint" | "scim_token" | "usage_metric" | "usage" | "partner_sso_connection" | "partner_domain";
  targetId?: string | null;
  partnerOrgId?: string | null;
  change?: Record<string, unknown> | null;
  success?: boolean;
  /**
   * The event(s) this change sends to integrations (webhooks, GET /events), written in the same
   * transaction. Declared here, beside the audit entry, so neither can be written without the other.
   */
  event?: EventSpec | EventSpec[];
}

function rowOf(actor: Actor, entry: ActivityEntry, at: Date): typeof activity.$inferInsert & { id: string } {
  return {
    id: newId(),
    at,
    actorKind: actor.kind,
    actorId: "id" in actor ? actor.id : null,
    actorLabel: actor.label,
    action: entry.action,
    targetKind: entry.targetKind ?? null,
    targetId: entry.targetId ?? null,
    partnerOrgId: entry.partnerOrgId ?? null,
    change: entry.change ?? null,
    success: entry.success ?? true,
  };
}

/** The events declared by entries whose rows are about to be written, in the entries' order. */
function eventsOf(rows: { id: string; at: Date }[], entries: ActivityEntry[]): PendingEvent[] {
  return entries.flatMap((entry, i) => {
    if (!entry.event) return [];
    const specs = Array.isArray(entry.event) ? entry.event : [entry.event];
    return specs.map((spec) => ({ spec, activityId: rows[i]!.id, targetId: entry.targetId ?? null, at: rows[i]!.at }));
  });
}

/** Records an entry of the audit trail. Pass the transaction of the change so both commit or neither. */
export async function recordActivity(db: Queryable, actor: Actor, entry: ActivityEntry): Promise<void> {
  await recordActivities(db, actor, [entry]);
}

/** Records many entries of one change (e.g. every organisation a deleted partner releases), in batches. */
export async function recordActivities(db: Queryable, actor: Actor, entries: ActivityEntry[]): Promise<void> {
  const at = new Date();
  for (let i = 0; i < entries.length; i += 1000) {
    const batch = entries.slice(i, i + 1000);
    const rows = batch.map((e) => rowOf(actor, e, at));
    await db.insert(activity).values(rows);
    await writeEvents(db, eventsOf(rows as { id: string; at: Date }[], batch));
  }
}
