import "server-only";
import type { Db } from "@/db";
import { recordActivity } from "@/lib/activity/record";
import type { Actor } from "./actor";
import { endAllServerSessions } from "./server-sessions";

/**
 * "Sign out everywhere": the signed-in user ends every one of their own sessions (this one too),
 * e.g. after using a shared computer. Anyone signed in may do it for themselves.
 */
export async function signOutEverywhere(db: Db, actor: Extract<Actor, { kind: "admin" | "partner_user" }>): Promise<void> {
  await db.transaction(async (tx) => {
    await endAllServerSessions(tx, actor.kind, actor.id);
    await recordActivity(tx, actor, {
      action: actor.kind === "admin" ? "admin.signed_out_everywhere" : "partner_user.signed_out_everywhere",
      targetKind: actor.kind === "admin" ? "admin_user" : "partner_user",
      targetId: actor.id,
      partnerOrgId: actor.kind === "partner_user" ? actor.partnerOrgId : null,
    });
  });
}
