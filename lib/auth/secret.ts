import "server-only";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { appSetting } from "@/db/schema";
import { checkStrongSecret } from "@/lib/secret-strength";

let secret: Promise<string> | undefined;

/**
 * The secret that signs sessions and access tokens: AUTH_SECRET (or NEXTAUTH_SECRET) when set,
 * otherwise one generated on first start and kept in the database (inside DATA_DIR on the embedded
 * database), so every instance on one database shares it and `npm start` needs no configuration.
 */
export function authSecret(): Promise<string> {
  const name = process.env.AUTH_SECRET ? "AUTH_SECRET" : "NEXTAUTH_SECRET";
  const fromEnv = process.env[name];
  if (fromEnv) {
    // Also refused at start (lib/startup-checks.ts); never sign anything with a weak secret.
    const weak = checkStrongSecret(name, fromEnv);
    return weak ? Promise.reject(new Error(weak)) : Promise.resolve(fromEnv);
  }
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
