import "server-only";
import { activity } from "@/db/schema";
import type { Queryable } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { writeEvents, type EventSpec } from "@/lib/events/emit";
import { newId } from "@/lib/ids";

export interface ActivityEntry {
  action: string;
  targetKind?: "partner_org" | "partner_user" | "admin_user" | "api_client" | "invitation" | "webhook_endpoint";
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

/** Records an entry of the audit trail. Pass the transaction of the change so both commit or neither. */
export async function recordActivity(db: Queryable, actor: Actor, entry: ActivityEntry): Promise<void> {
  const id = newId();
  const at = new Date();
  await db.insert(activity).values({
    id,
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
  });
  if (entry.event) {
    const specs = Array.isArray(entry.event) ? entry.event : [entry.event];
    await writeEvents(db, specs, { activityId: id, targetId: entry.targetId ?? null, at });
  }
}
