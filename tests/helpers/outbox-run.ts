import type { Db } from "@/db";
import { runOutboxOnce } from "@/lib/outbox/worker";

/** Runs the outbox worker's passes until it finds nothing more to do (what the app's worker does in the background). */
export async function drainOutbox(db: Db, maxPasses = 50): Promise<void> {
  for (let i = 0; i < maxPasses && (await runOutboxOnce(db)); i++);
}
