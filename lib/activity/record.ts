import "server-only";
import { activity } from "@/db/schema";
import type { Queryable } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { newId } from "@/lib/ids";

export interface ActivityEntry {
  action: string;
  targetKind?: "partner_org" | "partner_user" | "admin_user" | "api_client" | "invitation" | "scim_token";
  targetId?: string | null;
  partnerOrgId?: string | null;
  change?: Record<string, unknown> | null;
  success?: boolean;
}

/** Records an entry of the audit trail. Pass the transaction of the change so both commit or neither. */
export async function recordActivity(db: Queryable, actor: Actor, entry: ActivityEntry): Promise<void> {
  await db.insert(activity).values({
    id: newId(),
    at: new Date(),
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
}
