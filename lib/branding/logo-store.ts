import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { pgError } from "@/lib/errors";

/**
 * Removes a stored logo no partner organisation uses any more (after a change, a delete, or the
 * organisation's deletion). Another upload of the same image that commits meanwhile keeps it: the
 * foreign key refuses the delete, and the savepoint swallows only that refusal.
 */
export async function dropLogoIfUnused(tx: Tx, hash: string): Promise<void> {
  try {
    await tx.transaction(async (sp) => {
      await sp.execute(sql`delete from logo_image where hash = ${hash}
        and not exists (select 1 from partner_org where logo_light_hash = ${hash} or logo_dark_hash = ${hash})`);
    });
  } catch (err) {
    if (pgError(err).code !== "23503") throw err;
  }
}
