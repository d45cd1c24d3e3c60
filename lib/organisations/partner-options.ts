import "server-only";
import { asc, eq, ilike, or } from "drizzle-orm";
import type { Queryable } from "@/db";
import { partnerOrg } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { escapeLike } from "@/lib/pagination";

/**
 * The partners a portal admin can pick when moving an organisation or a user: a fragment of the name
 * (trigram index) or an exact ID, a short list by name. With 100k partners no select can hold them all.
 */
export async function findPartnerOptions(db: Queryable, actor: Actor, q: string, limit = 20): Promise<{ id: string; name: string }[]> {
  assertCan(actor, "org:read");
  const term = q.trim();
  return db
    .select({ id: partnerOrg.id, name: partnerOrg.name })
    .from(partnerOrg)
    .where(term ? or(ilike(partnerOrg.name, `%${escapeLike(term)}%`), eq(partnerOrg.id, term)) : undefined)
    .orderBy(asc(partnerOrg.name), asc(partnerOrg.id))
    .limit(limit);
}
