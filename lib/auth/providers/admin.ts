import "server-only";
import { eq, sql } from "drizzle-orm";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db";
import { adminUser } from "@/db/schema";
import { recordActivity } from "@/lib/activity";
import { verifyPassword } from "@/lib/auth/password";
import { clientAddress, hit, isLimited, reset } from "@/lib/rate-limit";
import { signInSchema } from "@/lib/validations/auth";

/** Portal admins sign in with email and password. Failures are counted per account and per address. */
export const adminCredentials = CredentialsProvider({
  id: "admin",
  name: "Portal admin",
  credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
  async authorize(credentials, req) {
    const parsed = signInSchema.safeParse(credentials);
    if (!parsed.success) return null;
    const { email, password } = parsed.data;
    const db = await getDb();
    const accountKey = `signin:admin:${email.toLowerCase()}`;
    const addressKey = `signin:addr:${clientAddress(req?.headers)}`;
    // Failed attempts are counted, per account and per address; a success clears the account's count.
    if ((await isLimited(db, accountKey, 10, 900)) || (await isLimited(db, addressKey, 50, 900))) throw new Error("RateLimited");
    const [admin] = await db.select().from(adminUser).where(sql`lower(${adminUser.email}) = ${email.toLowerCase()}`);
    const valid = await verifyPassword(admin?.passwordHash, password);
    if (!admin || !valid) {
      await hit(db, accountKey, 10, 900);
      await hit(db, addressKey, 50, 900);
      await recordActivity(db, { kind: "anonymous", label: email }, {
        action: "admin.sign_in_failed",
        targetKind: "admin_user",
        targetId: admin?.id ?? null,
        success: false,
      });
      return null;
    }
    await reset(db, accountKey);
    await recordActivity(db, { kind: "admin", id: admin.id, role: admin.role, label: admin.email }, {
      action: "admin.signed_in",
      targetKind: "admin_user",
      targetId: admin.id,
    });
    return { id: admin.id, email: admin.email, kind: "admin", sv: admin.sessionVersion } as never;
  },
});

export async function findAdminById(id: string) {
  const db = await getDb();
  const [admin] = await db.select().from(adminUser).where(eq(adminUser.id, id));
  return admin;
}
