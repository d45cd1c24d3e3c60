import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { openDatabase, rowsOf, type Database } from "@/db";
import { adminUser, partnerOrg, partnerUser } from "@/db/schema";
import { systemActor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { createApiClient, revokeApiClient } from "@/lib/api-clients/api-clients";
import { newId } from "@/lib/ids";
import { createOrganisation } from "@/lib/organisations";
import { createPartnerOrg } from "@/lib/partners/orgs";
import { createPartnerUser } from "@/lib/partners/users";
import { createScimToken, revokeScimToken } from "@/lib/scim/tokens";
import { Client } from "./client";
import { AUTH_SECRET, freshPgDatabase, startApp, type AppServer } from "./server";

// Fixtures created from the test process mail their invitations here, not into a developer's .data.
process.env.MAIL_OUTBOX_DIR ||= mkdtempSync(path.join(tmpdir(), "pm-h-test-outbox-"));
process.env.AUTH_SECRET ||= AUTH_SECRET;

export const PASSWORD = "hardening-password-42";

export const CALLERS = [
  "anonymous", "partnerViewerA", "partnerMaintainerA", "partnerAdminA", "adminViewer", "adminAdmin", "adminOwner", "apiValid", "apiRevoked",
  // Org A's directory: a SCIM token of A, and one of A's that was revoked.
  "scimA", "scimRevokedA",
] as const;
export type Caller = (typeof CALLERS)[number];
/** A and B: the partner organisations (the partner callers' own, and another). N: for customer organisations, one with "No partner". */
export type Target = "A" | "B" | "N";

export interface World {
  app: AppServer;
  database: Database;
  drop(): Promise<void>;
  orgA: { id: string; name: string; slug: string };
  orgB: { id: string; name: string; slug: string };
  /** A customer organisation owned by A, by B, and by no partner. */
  customers: Record<Target, { id: string; name: string }>;
  clients: Record<Caller, Client>;
  api: { valid: { id: string; secret: string }; revoked: { id: string; secret: string } };
  /** Org A's SCIM tokens (bearer), for requests that need them outside the matrix. */
  scim: { valid: string; revoked: string };
  emails: Record<string, string>;
  /** Gives a signed-in caller a new session (after a cell that signed it out). */
  signInAgain(caller: Caller): Promise<void>;
}

let counter = 0;
export const uniq = (prefix: string) => `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter++}`;

/** A customer organisation owned by partner A or B, or by none (N). */
export async function makeCustomer(database: Database, owner: { id: string } | null, name = uniq("Customer")): Promise<{ id: string; name: string }> {
  const row = await createOrganisation(database.db, systemActor, { name, partnerOrgId: owner?.id ?? null });
  return { id: row.id, name: row.name };
}

export async function makeOrg(database: Database, name = uniq("Org")): Promise<{ id: string; name: string; slug: string }> {
  const org = await createPartnerOrg(database.db, systemActor, { name, zuoraAccountId: "A00001", invoiceOwner: "partner" } as never);
  return { id: org.id, name: org.name, slug: org.slug };
}

/** A partner user with a password, created through the domain (first user of an org is its Admin). */
export async function makePartnerUser(database: Database, orgId: string, role: "viewer" | "maintainer" | "admin", email = `${uniq("pu")}@partner.example`) {
  const user = await createPartnerUser(database.db, systemActor, orgId, { email, role });
  await database.db.update(partnerUser).set({ role, passwordHash: await hashPassword(PASSWORD) }).where(eq(partnerUser.id, user.id));
  return { id: user.id, email };
}

export async function makeAdmin(database: Database, role: "viewer" | "admin" | "owner", withPassword = true) {
  const email = `${uniq("adm")}@admins.example`;
  const id = newId();
  await database.db.insert(adminUser).values({ id, email, role, passwordHash: withPassword ? await hashPassword(PASSWORD) : null });
  return { id, email };
}

export async function tokenFor(base: string, id: string, secret: string): Promise<string | undefined> {
  const res = await fetch(`${base}/api/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: id, client_secret: secret }),
  });
  return res.ok ? ((await res.json()) as { access_token: string }).access_token : undefined;
}

/** A fresh PostgreSQL database, the built app on it, and one signed-in client per kind of caller. */
export async function makeWorld(port: number, env: Record<string, string> = {}): Promise<World> {
  const pg = await freshPgDatabase();
  const database = await openDatabase({ url: pg.url, max: 5 });
  const app = await startApp({ port, env: { DATABASE_URL: pg.url, ...env } });
  const orgA = await makeOrg(database, uniq("Org A"));
  const orgB = await makeOrg(database, uniq("Org B"));
  const pAdmin = await makePartnerUser(database, orgA.id, "admin");
  const pViewer = await makePartnerUser(database, orgA.id, "viewer");
  const pMaint = await makePartnerUser(database, orgA.id, "maintainer");
  await makePartnerUser(database, orgB.id, "admin");
  const customers = {
    A: await makeCustomer(database, orgA, uniq("Customer of A")),
    B: await makeCustomer(database, orgB, uniq("Customer of B")),
    N: await makeCustomer(database, null, uniq("Customer of none")),
  };
  const aViewer = await makeAdmin(database, "viewer");
  const aAdmin = await makeAdmin(database, "admin");
  const aOwner = await makeAdmin(database, "owner");
  const valid = await createApiClient(database.db, systemActor, { name: uniq("valid client") });
  const revoked = await createApiClient(database.db, systemActor, { name: uniq("revoked client") });
  const validToken = await tokenFor(app.base, valid.client.id, valid.secret);
  const revokedToken = await tokenFor(app.base, revoked.client.id, revoked.secret);
  await revokeApiClient(database.db, systemActor, revoked.client.id);
  if (!validToken || !revokedToken) throw new Error("could not get access tokens");
  const scimValid = await createScimToken(database.db, systemActor, orgA.id, { description: "matrix" });
  const scimRevoked = await createScimToken(database.db, systemActor, orgA.id, { description: "revoked" });
  await revokeScimToken(database.db, systemActor, orgA.id, scimRevoked.row.id);

  const signedIn = async (provider: "admin" | "partner", email: string) => {
    const c = new Client(app.base);
    if (!(await c.signIn(provider, email, PASSWORD))) throw new Error(`sign-in of ${email} failed\n${app.logs().slice(-2000)}`);
    return c;
  };
  const clients: Record<Caller, Client> = {
    anonymous: new Client(app.base),
    partnerViewerA: await signedIn("partner", pViewer.email),
    partnerMaintainerA: await signedIn("partner", pMaint.email),
    partnerAdminA: await signedIn("partner", pAdmin.email),
    adminViewer: await signedIn("admin", aViewer.email),
    adminAdmin: await signedIn("admin", aAdmin.email),
    adminOwner: await signedIn("admin", aOwner.email),
    apiValid: new Client(app.base, validToken),
    apiRevoked: new Client(app.base, revokedToken),
    scimA: new Client(app.base, scimValid.token),
    scimRevokedA: new Client(app.base, scimRevoked.token),
  };
  return {
    app,
    database,
    orgA,
    orgB,
    customers,
    clients,
    api: { valid: { id: valid.client.id, secret: valid.secret }, revoked: { id: revoked.client.id, secret: revoked.secret } },
    scim: { valid: scimValid.token, revoked: scimRevoked.token },
    emails: { pAdmin: pAdmin.email, pViewer: pViewer.email, pMaint: pMaint.email, aViewer: aViewer.email, aAdmin: aAdmin.email, aOwner: aOwner.email },
    signInAgain: async (caller) => {
      const who: Partial<Record<Caller, ["admin" | "partner", string]>> = {
        partnerViewerA: ["partner", pViewer.email],
        partnerMaintainerA: ["partner", pMaint.email],
        partnerAdminA: ["partner", pAdmin.email],
        adminViewer: ["admin", aViewer.email],
        adminAdmin: ["admin", aAdmin.email],
        adminOwner: ["admin", aOwner.email],
      };
      const entry = who[caller];
      if (entry) clients[caller] = await signedIn(...entry);
    },
    drop: async () => {
      await app.stop();
      await database.close();
      await pg.drop();
    },
  };
}

const STATE_TABLES = ["partner_org", "partner_user", "admin_user", "api_client", "user_token", "customer_org", "scim_token", "usage_metric", "usage_record", "usage_daily", "usage_block", "usage_partner_daily", "partner_sso_connection", "sso_request"] as const;

/** A fingerprint of every row of the tables a caller could change (not the activity log or rate limits). */
export async function snapshot(database: Database): Promise<string> {
  const parts: string[] = [];
  for (const t of STATE_TABLES) {
    const [row] = rowsOf<{ n: string; h: string | null }>(
      await database.db.execute(sql.raw(`select count(*)::text as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from ${t} t`)),
    );
    parts.push(`${t}:${row!.n}:${row!.h}`);
  }
  return parts.join(" ");
}

export async function counts(database: Database): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of [...STATE_TABLES, "activity"]) {
    const [row] = rowsOf<{ n: string }>(await database.db.execute(sql.raw(`select count(*)::text as n from ${t}`)));
    out[t] = Number(row!.n);
  }
  return out;
}

export async function setOrgStatus(database: Database, id: string, status: "pending" | "approved") {
  await database.db.update(partnerOrg).set({ status }).where(eq(partnerOrg.id, id));
}
