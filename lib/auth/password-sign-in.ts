import "server-only";
import { getDb, type Db } from "@/db";
import { verifyPassword } from "@/lib/auth/password";
import { clientAddress, hit, isLimited, reset } from "@/lib/rate-limit";
import { signInSchema } from "@/lib/validations/auth";

const WINDOW_SECONDS = 900;
const PER_ACCOUNT = 10;
const PER_ADDRESS = 50;

/**
 * The email + password check shared by portal admins and partner users. Failed attempts are
 * counted per account and per address (in the database, so every instance shares them); a success
 * clears the account's count. An unknown email still costs one hash check, so timing reveals nothing.
 * Returns the user, `null` for wrong credentials, and throws "RateLimited" while limited.
 */
export async function checkPassword<U extends { passwordHash: string | null }>(opts: {
  credentials: unknown;
  headers: Parameters<typeof clientAddress>[0];
  /** Rate-limit key prefixes, kept stable: counters already in the database use them. */
  keys: { account: string; address: string };
  find: (db: Db, email: string) => Promise<U | undefined>;
  onFailure: (db: Db, email: string, user: U | undefined) => Promise<void>;
}): Promise<{ db: Db; user: U } | null> {
  const parsed = signInSchema.safeParse(opts.credentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const db = await getDb();
  const accountKey = `${opts.keys.account}${email.toLowerCase()}`;
  const addressKey = `${opts.keys.address}${clientAddress(opts.headers)}`;
  if ((await isLimited(db, accountKey, PER_ACCOUNT, WINDOW_SECONDS)) || (await isLimited(db, addressKey, PER_ADDRESS, WINDOW_SECONDS))) {
    throw new Error("RateLimited");
  }
  const user = await opts.find(db, email);
  // No user, or no password set yet: the dummy check runs and the sign-in fails.
  const valid = await verifyPassword(user?.passwordHash, password);
  if (!user || !valid) {
    await hit(db, accountKey, PER_ACCOUNT, WINDOW_SECONDS);
    await hit(db, addressKey, PER_ADDRESS, WINDOW_SECONDS);
    await opts.onFailure(db, email, user);
    return null;
  }
  await reset(db, accountKey);
  return { db, user };
}
