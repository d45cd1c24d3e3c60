import "server-only";
import { activity } from "@/db/schema";
import type { Queryable } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { newId } from "@/lib/ids";

export interface ActivityEntry {
  action: string;
  targetKind?: "partner_org" | "partner_user" | "admin_user" | "api_client" | "invitation" | "organisation" | "usage_metric" | "usage";
  targetId?: string | null;
  partnerOrgId?: string | null;
  change?: Record<string, unknown> | null;
  success?: boolean;
}

function rowOf(actor: Actor, entry: ActivityEntry, at: Date): typeof activity.$inferInsert {
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

/** Records an entry of the audit trail. Pass the transaction of the change so both commit or neither. */
export async function recordActivity(db: Queryable, actor: Actor, entry: ActivityEntry): Promise<void> {
  await db.insert(activity).values(rowOf(actor, entry, new Date()));
}

/** Records many entries of one change (e.g. every organisation a deleted partner releases), in batches. */
export async function recordActivities(db: Queryable, actor: Actor, entries: ActivityEntry[]): Promise<void> {
  const at = new Date();
  for (let i = 0; i < entries.length; i += 1000) {
    await db.insert(activity).values(entries.slice(i, i + 1000).map((e) => rowOf(actor, e, at)));
  }
}
