import "server-only";
import { getDb, type Db } from "@/db";
import { verifyPassword } from "@/lib/auth/password";
import { clientAddress } from "@/lib/client-address";
import { hit, isLimited, reset } from "@/lib/rate-limit";
import { signInSchema } from "@/lib/validations/auth";

const WINDOW_SECONDS = 900;
/** Wrong passwords for one account from one address before that address is locked out of it. */
const PER_ACCOUNT_AND_ADDRESS = 10;
/**
 * Wrong passwords for one account from all addresses before its brake is on: then only addresses
 * that have not failed for it may still try (one guess each), so a guesser spread over many
 * addresses is slowed down, while the owner, from an address that has not failed, still gets in.
 */
const ACCOUNT_BRAKE = 10;
const PER_ADDRESS = 50;

/**
 * The email + password check shared by portal admins and partner users, throttled as OWASP
 * advises, with counters in the database so every instance shares them:
 * - per account and address: 10 wrong passwords lock that address out of that account for 15
 *   minutes, the right password included; other addresses are not affected, so nobody can lock
 *   a victim out of their own account;
 * - per account: a brake (above) against guessing from many addresses;
 * - per address: 50 wrong passwords over any accounts lock the address out.
 * A success clears its account-and-address count. An unknown email still costs one hash check, so
 * timing reveals nothing. Returns the user, `null` for wrong credentials, and throws
 * "RateLimited" while limited.
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
  const address = clientAddress(opts.headers);
  const accountKey = `${opts.keys.account}${email.toLowerCase()}`;
  const pairKey = `${accountKey}|${address}`;
  const addressKey = `${opts.keys.address}${address}`;
  const limited =
    (await isLimited(db, pairKey, PER_ACCOUNT_AND_ADDRESS, WINDOW_SECONDS)) ||
    (await isLimited(db, addressKey, PER_ADDRESS, WINDOW_SECONDS)) ||
    ((await isLimited(db, accountKey, ACCOUNT_BRAKE, WINDOW_SECONDS)) && (await isLimited(db, pairKey, 1, WINDOW_SECONDS)));
  if (limited) throw new Error("RateLimited");
  const user = await opts.find(db, email);
  // No user, or no password set yet: the dummy check runs and the sign-in fails.
  const valid = await verifyPassword(user?.passwordHash, password);
  if (!user || !valid) {
    await hit(db, pairKey, PER_ACCOUNT_AND_ADDRESS, WINDOW_SECONDS);
    await hit(db, accountKey, ACCOUNT_BRAKE, WINDOW_SECONDS);
    await hit(db, addressKey, PER_ADDRESS, WINDOW_SECONDS);
    await opts.onFailure(db, email, user);
    return null;
  }
  await reset(db, pairKey);
  return { db, user };
}
