import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Logger } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Anything that can run a query: the database or an open transaction. */
export type Queryable = Db | Tx;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  /** Applies the migrations of `folder` (default: all of them) not applied yet. */
  migrate(folder?: string): Promise<void>;
  close(): Promise<void>;
  /** LISTEN on a channel: `onNotify` runs for each NOTIFY committed on it. Returns the UNLISTEN. */
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
  /**
   * Runs one SQL statement with $1… parameters and returns its rows as objects, bypassing Drizzle:
   * for the hot paths. On PostgreSQL it is a named prepared statement (parsed once per connection,
   * then one round trip a call). Timestamps come back as the drivers give them: select text.
   */
  query<T>(text: string, params: unknown[]): Promise<T[]>;
}

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/**
 * Opens PostgreSQL through postgres.js when `url` is given, otherwise an embedded PGlite
 * stored in `dataDir` (in memory when `dataDir` is null), and applies the migrations.
 */
export async function openDatabase(opts: {
  url?: string;
  dataDir?: string | null;
  max?: number;
  /** Sees every query Drizzle sends (tests use it to count queries and check their plans). */
  logger?: Logger;
  /** Tests only: migrate from another folder (e.g. the migrations up to a given one). */
  migrationsFolder?: string;
}): Promise<Database> {
  if (opts.url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    const options = { onnotice: () => {}, connect_timeout: 10 };
    const client = postgres(opts.url, { ...options, max: opts.max ?? 10 });
    const db = drizzle(client, { schema, logger: opts.logger });
    // Several app instances may start at once on one database: migrate on one connection
    // that holds an advisory lock.
    const url = opts.url;
    const apply = async (folder = migrationsFolder) => {
      const migrator = postgres(url, { ...options, max: 1 });
      try {
        await migrator`select pg_advisory_lock(727274)`;
        await migrate(drizzle(migrator, { schema }), { migrationsFolder: folder });
      } finally {
        await migrator.end({ timeout: 5 });
      }
    };
    await apply(opts.migrationsFolder);
    return {
      db: db as unknown as Db,
      kind: "postgres",
      migrate: apply,
      close: () => client.end({ timeout: 5 }),
      query: async <T>(text: string, params: unknown[]) => (await client.unsafe(text, params as never[], { prepare: true })) as unknown as T[],
      // postgres.js keeps one connection for LISTEN and re-listens after it reconnects.
      listen: async (channel, onNotify) => {
        const meta = await client.listen(channel, () => onNotify());
        return () => meta.unlisten();
      },
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  if (opts.dataDir) await mkdir(opts.dataDir, { recursive: true });
  const client = await PGlite.create({ dataDir: opts.dataDir ?? undefined, extensions: { pg_trgm } });
  const db = drizzle(client, { schema, logger: opts.logger });
  const apply = (folder = migrationsFolder) => migrate(db, { migrationsFolder: folder });
  await apply(opts.migrationsFolder);
  return {
    db: db as unknown as Db,
    kind: "pglite",
    migrate: apply,
    close: () => client.close(),
    query: async <T>(text: string, params: unknown[]) => (await client.query<T>(text, params)).rows,
    listen: (channel, onNotify) => client.listen(channel, () => onNotify()),
  };
}

export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR || ".data");
}

const globalForDb = globalThis as unknown as { __pmDatabase?: Promise<Database> };

/** The app's database, opened once per process from DATABASE_URL or DATA_DIR. */
export function getDatabase(): Promise<Database> {
  globalForDb.__pmDatabase ??= (async () => {
    const url = process.env.DATABASE_URL;
    return openDatabase(url ? { url } : { dataDir: path.join(/*turbopackIgnore: true*/ dataDir(), "pglite") });
  })().catch((err) => {
    globalForDb.__pmDatabase = undefined;
    throw err;
  });
  return globalForDb.__pmDatabase;
}

/** Tests only: points `getDb()` (and so the route handlers) at a test database. */
export function setDatabaseForTests(database: Database): void {
  globalForDb.__pmDatabase = Promise.resolve(database);
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

/** postgres.js returns an array of rows from `execute`, PGlite an object with `rows`. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export { schema };
