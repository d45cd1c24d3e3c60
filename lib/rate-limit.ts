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

/**
 * Counts one request against `key` and says whether it is within `limit` for the current window;
 * when not, how many seconds until the window ends (for a `Retry-After` header).
 */
export async function consume(db: Queryable, key: string, limit: number, windowSeconds: number): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const result = await db.execute<{ count: number; retry: number }>(sql`
    insert into rate_limit (key, count, window_start) values (${key}, 1, now())
    on conflict (key) do update set
      count = case when rate_limit.window_start < now() - make_interval(secs => ${windowSeconds}) then 1 else rate_limit.count + 1 end,
      window_start = case when rate_limit.window_start < now() - make_interval(secs => ${windowSeconds}) then now() else rate_limit.window_start end
    returning count, ceil(extract(epoch from (window_start + make_interval(secs => ${windowSeconds}) - now())))::int as retry`);
  const row = rowsOf<{ count: number; retry: number }>(result)[0];
  return { allowed: Number(row?.count ?? 0) <= limit, retryAfterSeconds: Math.max(1, Number(row?.retry ?? windowSeconds)) };
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
