import "server-only";
import { sql } from "drizzle-orm";
import { getDatabase } from "@/db";
import { adminUser } from "@/db/schema";
import { ensureInitialApiClient } from "@/lib/api-clients/api-clients";
import { generatePassword, hashPassword } from "@/lib/auth/password";
import { newId } from "@/lib/ids";
import { startOutboxWorker } from "@/lib/outbox/worker";
import { configurationProblems } from "@/lib/startup-checks";

/**
 * Runs once at start: opens the database (applying migrations) and makes sure there is a way in.
 * INITIAL_ADMIN_EMAIL and INITIAL_ADMIN_PASSWORD create that admin when no admin has that email.
 * With neither set and no admin at all, one admin is made with a generated password, printed once.
 */
export async function bootstrap(): Promise<void> {
  const problems = configurationProblems();
  if (problems.length) {
    for (const problem of problems) console.error(`[start] refusing to start: ${problem}`);
    process.exit(1);
  }
  const database = await getDatabase();
  const { db, kind } = database;
  console.log(`[start] database ready (${kind === "pglite" ? "embedded PGlite" : "PostgreSQL"})`);
  const email = process.env.INITIAL_ADMIN_EMAIL?.trim();
  const password = process.env.INITIAL_ADMIN_PASSWORD;
  if (email && password) {
    const [existing] = await db.select({ id: adminUser.id }).from(adminUser).where(sql`lower(${adminUser.email}) = ${email.toLowerCase()}`);
    if (!existing) {
      await db
        .insert(adminUser)
        .values({ id: newId(), email, role: "owner", passwordHash: await hashPassword(password) })
        .onConflictDoNothing();
      console.log(`[start] created the initial admin ${email}`);
    }
  } else if (!email && !password) {
    const [any] = await db.select({ id: adminUser.id }).from(adminUser).limit(1);
    if (!any) {
      const generated = generatePassword();
      const inserted = await db
        .insert(adminUser)
        .values({ id: newId(), email: "admin@localhost", role: "owner", passwordHash: await hashPassword(generated) })
        .onConflictDoNothing()
        .returning();
      if (inserted.length) {
        console.log(
          "\n  Partner Management: a portal admin was created. Sign in with\n" +
            "    Email:    admin@localhost\n" +
            `    Password: ${generated}\n` +
            "  This is shown once; change it or set INITIAL_ADMIN_EMAIL and INITIAL_ADMIN_PASSWORD.\n",
        );
      }
    }
  } else {
    console.warn("[start] set both INITIAL_ADMIN_EMAIL and INITIAL_ADMIN_PASSWORD, or neither");
  }
  await ensureInitialApiClient(db);
  // Sends events to webhooks and queued mail, in this process, for as long as it runs.
  startOutboxWorker(database);
}
