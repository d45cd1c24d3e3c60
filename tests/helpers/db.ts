import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Logger } from "drizzle-orm";
import { openDatabase, type Database } from "@/db";

// Creating a partner user mails an invitation: keep test mail out of the developer's DATA_DIR.
process.env.MAIL_OUTBOX_DIR ||= path.join(tmpdir(), "pm-test-outbox");

/** The PostgreSQL server the tests use, when one is configured; otherwise they run on PGlite. */
export function testDatabaseUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (!url) return undefined;
  const host = new URL(url).hostname;
  // Tests create and drop schemas: refuse anything but a database on this machine.
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
    throw new Error(`Refusing to run tests against a non-local database (${host}).`);
  }
  return url;
}

export const databaseKind = testDatabaseUrl() ? "postgres" : "pglite";

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or a database of its own
 * on the PostgreSQL server (dropped by `close`), so test files can run side by side.
 */
export async function freshDatabase(opts: { logger?: Logger; migrationsFolder?: string } = {}): Promise<Database> {
  const url = testDatabaseUrl();
  if (!url) return openDatabase({ dataDir: null, logger: opts.logger, migrationsFolder: opts.migrationsFolder });
  const { default: postgres } = await import("postgres");
  const name = `pm_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin`create database ${admin(name)}`;
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ url: target.toString(), max: 20, logger: opts.logger, migrationsFolder: opts.migrationsFolder });
  return {
    ...database,
    close: async () => {
      await database.close();
      await admin`drop database if exists ${admin(name)} with (force)`;
      await admin.end();
    },
  };
}
