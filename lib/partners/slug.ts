import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db, Queryable } from "@/db";
import { partnerOrg, type PartnerOrgRow } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, can } from "@/lib/auth/policy";
import { conflict, invalid, notFound, pgError } from "@/lib/errors";
import { isSlugShaped, slugField } from "@/lib/validations/partner-slug";

export const SLUG_TAKEN_MESSAGE = "Another partner organisation already has this slug. Choose another one.";
const NOT_FOUND = "Partner organisation not found.";

/** The slug a new partner organisation gets: made by the database from its name (migration 0004). */
export const slugFromName = (name: string) => sql<string>`partner_slug_for(${name})`;

const slugTaken = (err: unknown) => {
  const e = pgError(err);
  return e.code === "23505" && e.constraint === "partner_org_slug_key";
};

/**
 * Organisations whose names make the same slug are created one after another: a transaction lock
 * on the name's slug base, taken before the insert, makes the second wait for the first to commit
 * and then see its slug, so it takes the next suffix instead of colliding however many race.
 */
export async function lockSlugBase(tx: Queryable, name: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('partner_slug:' || partner_slug_base(${name})))`);
}

/**
 * Runs an insert whose slug comes from `slugFromName` (after `lockSlugBase`). Two different names
 * can still meet on one slug ("A 2" and the second "A"): the unique index refuses the later one,
 * which asks again and gets the next free slug. `run` must be a transaction (or savepoint) of its own.
 */
export async function retryOnSlugTaken<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      if (attempt < 5 && slugTaken(err)) continue;
      throw err;
    }
  }
}

/**
 * The partner organisation behind a partner pages address. One the caller may not read (another
 * partner's, for a partner user) is "not found", exactly like a slug nobody has.
 */
export async function getPartnerOrgBySlug(db: Queryable, actor: Actor, slug: string): Promise<PartnerOrgRow> {
  if (!isSlugShaped(slug)) throw notFound(NOT_FOUND);
  const [row] = await db.select().from(partnerOrg).where(eq(partnerOrg.slug, slug));
  if (!row || !can(actor, "org:read", row.id)) throw notFound(NOT_FOUND);
  return row;
}

/** Owners and Admins change a partner's slug; its partner pages move to the new address at once. */
export async function updatePartnerSlug(db: Db, actor: Actor, id: string, slug: string): Promise<PartnerOrgRow> {
  assertCan(actor, "org:update", id);
  const parsed = slugField.safeParse(slug);
  if (!parsed.success) {
    const message = parsed.error.issues[0]!.message;
    throw invalid(message, { slug: [message] });
  }
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx.select().from(partnerOrg).where(eq(partnerOrg.id, id)).for("update");
      if (!before) throw notFound(NOT_FOUND);
      if (before.slug === parsed.data) return before;
      const [after] = await tx.update(partnerOrg).set({ slug: parsed.data, modified: new Date() }).where(eq(partnerOrg.id, id)).returning();
      await recordActivity(tx, actor, {
        action: "partner_org.updated",
        targetKind: "partner_org",
        targetId: id,
        partnerOrgId: id,
        change: { before: { slug: before.slug }, after: { slug: after!.slug } },
      });
      return after!;
    });
  } catch (err) {
    if (slugTaken(err)) throw conflict(SLUG_TAKEN_MESSAGE, { slug: [SLUG_TAKEN_MESSAGE] });
    throw err;
  }
}
