import "server-only";
import { eq } from "drizzle-orm";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { adminUser, partnerOrg, partnerUser } from "@/db/schema";
import type { Actor } from "./actor";
import { authOptions } from "./options";
import { serverSessionLive } from "./server-sessions";

export type AdminActor = Extract<Actor, { kind: "admin" }>;
export type PartnerActor = Extract<Actor, { kind: "partner_user" }> & { orgStatus: "pending" | "approved" };

/**
 * The signed-in portal admin, checked against the database on every call: a deleted admin,
 * one whose sessions were ended, or a session signed out (lib/auth/server-sessions.ts) gets nothing.
 */
export async function getAdmin(): Promise<AdminActor | null> {
  const session = await getServerSession(await authOptions());
  if (!session || session.kind !== "admin") return null;
  const db = await getDb();
  const [admin] = await db.select().from(adminUser).where(eq(adminUser.id, session.uid));
  if (!admin || admin.sessionVersion !== session.sv) return null;
  // Signed out (or signed out everywhere): the cookie may still verify, the session does not.
  if (!(await serverSessionLive(db, session.sid, "admin", admin.id))) return null;
  return { kind: "admin", id: admin.id, role: admin.role, label: admin.email };
}

/** The signed-in partner user, checked against the database on every call. */
export async function getPartner(): Promise<PartnerActor | null> {
  const session = await getServerSession(await authOptions());
  if (!session || session.kind !== "partner_user") return null;
  const db = await getDb();
  const [row] = await db
    .select({ user: partnerUser, orgStatus: partnerOrg.status, suspendedAt: partnerOrg.suspendedAt })
    .from(partnerUser)
    .innerJoin(partnerOrg, eq(partnerOrg.id, partnerUser.partnerOrgId))
    .where(eq(partnerUser.id, session.uid));
  // A suspended partner's users, and a suspended user (e.g. deactivated by their directory), are signed out at once.
  if (!row || row.user.sessionVersion !== session.sv || row.suspendedAt || row.user.suspendedAt) return null;
  if (!(await serverSessionLive(db, session.sid, "partner_user", row.user.id))) return null;
  return {
    kind: "partner_user",
    id: row.user.id,
    partnerOrgId: row.user.partnerOrgId,
    role: row.user.role,
    label: row.user.email,
    orgStatus: row.orgStatus,
  };
}

/** For admin pages: the admin, or a redirect to sign-in. Partner users never see the admin app. */
export async function requireAdminPage(): Promise<AdminActor> {
  const admin = await getAdmin();
  if (!admin) redirect("/");
  return admin;
}
