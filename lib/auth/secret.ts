import "server-only";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { appSetting } from "@/db/schema";

let secret: Promise<string> | undefined;

/**
 * The secret that signs sessions and access tokens: AUTH_SECRET (or NEXTAUTH_SECRET) when set,
 * otherwise one generated on first start and kept in the database (inside DATA_DIR on the embedded
 * database), so every instance on one database shares it and `npm start` needs no configuration.
 */
export function authSecret(): Promise<string> {
  const fromEnv = process.env.AUTH_SECRET || process.env.NEXTAUTH_SECRET;
  if (fromEnv) return Promise.resolve(fromEnv);
  secret ??= (async () => {
    const db = await getDb();
    await db.insert(appSetting).values({ key: "auth_secret", value: randomBytes(32).toString("base64url") }).onConflictDoNothing();
    const [row] = await db.select().from(appSetting).where(eq(appSetting.key, "auth_secret"));
    return row!.value;
  })().catch((err) => {
    secret = undefined;
    throw err;
  });
  return secret;
}
