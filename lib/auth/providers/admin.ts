import "server-only";
import { sql } from "drizzle-orm";
import CredentialsProvider from "next-auth/providers/credentials";
import { adminUser } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record";
import { checkPassword } from "@/lib/auth/password-sign-in";

/** Portal admins sign in with email and password. Failures are counted per account and per address. */
export const adminCredentials = CredentialsProvider({
  id: "admin",
  name: "Portal admin",
  credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
  async authorize(credentials, req) {
    const checked = await checkPassword({
      credentials,
      headers: req?.headers,
      keys: { account: "signin:admin:", address: "signin:addr:" },
      find: async (db, email) => (await db.select().from(adminUser).where(sql`lower(${adminUser.email}) = ${email.toLowerCase()}`))[0],
      onFailure: (db, email, admin) =>
        recordActivity(db, { kind: "anonymous", label: email }, {
          action: "admin.sign_in_failed",
          targetKind: "admin_user",
          targetId: admin?.id ?? null,
          success: false,
        }),
    });
    if (!checked) return null;
    const { db, user: admin } = checked;
    await recordActivity(db, { kind: "admin", id: admin.id, role: admin.role, label: admin.email }, {
      action: "admin.signed_in",
      targetKind: "admin_user",
      targetId: admin.id,
    });
    return { id: admin.id, email: admin.email, kind: "admin", sv: admin.sessionVersion } as never;
  },
});
