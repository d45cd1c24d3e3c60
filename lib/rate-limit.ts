import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Queryable } from "@/db";

/**
 * A fixed-window counter kept in the database, so every app instance shares it.
 * Returns true while `key` has been hit at most `limit` times in the current window.
 */
export async function hit(db: Queryable, key: string, limit: number, windowSeconds: number): Promise<boolean> {
  const result = await db.execute<{ count: number }>(sql`
    insert into rate_limit (key, count, window_start) values (${key}, 1, now())
    on conflict (key) do update set
      count = case when rate_limit.window_start < now() - make_interval(secs => ${windowSeconds}) then 1 else rate_limit.count + 1 end,
      window_start = case when rate_limit.window_start < now() - make_interval(secs => ${windowSeconds}) then now() else rate_limit.window_start end
    returning count`);
  return Number(rowsOf<{ count: number }>(result)[0]?.count ?? 0) <= limit;
}

/** True while `key` has been hit `limit` times or more in its current window (without counting). */
export async function isLimited(db: Queryable, key: string, limit: number, windowSeconds: number): Promise<boolean> {
  const result = await db.execute<{ count: number }>(sql`
    select count from rate_limit
    where key = ${key} and window_start >= now() - make_interval(secs => ${windowSeconds})`);
  return Number(rowsOf<{ count: number }>(result)[0]?.count ?? 0) >= limit;
}

export async function reset(db: Queryable, key: string): Promise<void> {
  await db.execute(sql`delete from rate_limit where key = ${key}`);
}

/**
 * The caller's address for per-address limits: the right-most X-Forwarded-For entry, the one the
 * nearest proxy appended (entries to its left are whatever the client sent). Without a proxy,
 * Next fills the header from the socket only when the client sent none, so deploy behind a
 * reverse proxy that appends it; the per-account limit holds either way.
 */
export function clientAddress(headers: Headers | Record<string, string | string[] | undefined> | undefined): string {
  const get = (name: string) =>
    headers instanceof Headers ? headers.get(name) : [headers?.[name]].flat()[0] ?? null;
  const forwarded = get("x-forwarded-for")?.split(",").map((s) => s.trim()).filter(Boolean);
  return forwarded?.at(-1) || get("x-real-ip") || "unknown";
}
