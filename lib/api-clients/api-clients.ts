import "server-only";
import { randomBytes } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import { getDb, type Db, type Queryable } from "@/db";
import { apiClient } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record";
import { systemActor, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { notFound } from "@/lib/errors";
import { checkStrongSecret } from "@/lib/secret-strength";
import { hashClientSecret, verifyClientSecret } from "./secret-hash";

/** OAuth 2.0 client-credentials clients of the REST API. Only a keyed hash of a secret is kept (./secret-hash.ts). */

export type ApiClientActor = Extract<Actor, { kind: "api_client" }>;

export interface ApiClientView {
  id: string;
  name: string;
  createdBy: string | null;
  created: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

/** 256 random bits: a secret nobody can guess, shown once and never stored. */
export function generateClientSecret(): string {
  return `pmsec_${randomBytes(32).toString("base64url")}`;
}

function generateClientId(): string {
  return `pmc_${randomBytes(12).toString("hex")}`;
}

export async function createApiClient(db: Db, actor: Actor, input: { name: string }): Promise<{ client: ApiClientView; secret: string }> {
  assertCan(actor, "api-client:manage");
  const secret = generateClientSecret();
  const secretHash = await hashClientSecret(secret);
  const client = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiClient)
      .values({ id: generateClientId(), name: input.name, secretHash, createdBy: actor.label })
      .returning();
    await recordActivity(tx, actor, {
      action: "api_client.created",
      targetKind: "api_client",
      targetId: row!.id,
      change: { after: { name: row!.name } },
      event: { type: "api_client.created", row: row! },
    });
    return row!;
  });
  return { client: view(client), secret };
}

/** Revokes a client: its tokens stop working on their next call. Revoking twice changes nothing. */
export async function revokeApiClient(db: Db, actor: Actor, id: string): Promise<ApiClientView> {
  assertCan(actor, "api-client:manage");
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(apiClient).where(eq(apiClient.id, id)).for("update");
    if (!row) throw notFound("API client not found.");
    if (row.revokedAt) return view(row);
    const [after] = await tx.update(apiClient).set({ revokedAt: new Date() }).where(eq(apiClient.id, id)).returning();
    await recordActivity(tx, actor, {
      action: "api_client.revoked",
      targetKind: "api_client",
      targetId: id,
      change: { before: { name: row.name } },
      event: { type: "api_client.revoked", row: after! },
    });
    return view(after!);
  });
}

/** Every portal admin may see the clients (viewers too); managing them needs "api-client:manage". */
export async function listApiClients(db: Queryable, actor: Actor): Promise<ApiClientView[]> {
  assertCan(actor, "admin:read");
  const rows = await db.select().from(apiClient).orderBy(desc(apiClient.created), desc(apiClient.id)).limit(500);
  return rows.map(view);
}

/**
 * Checks a client's credentials for the token endpoint. An unknown or revoked client still costs
 * one hash, so the timing does not tell which client ids exist.
 */
export async function verifyClientCredentials(db: Db, id: string, secret: string): Promise<ApiClientActor | null> {
  const lookup = id.length <= 200 && !id.includes("\u0000"); // PostgreSQL text cannot hold NUL
  const [row] = lookup ? await db.select().from(apiClient).where(eq(apiClient.id, id)) : [];
  const { ok, rehash } = await verifyClientSecret(row && !row.revokedAt ? row.secretHash : null, secret);
  if (!row || row.revokedAt || !ok) return null;
  await db.update(apiClient).set({ lastUsedAt: new Date(), ...(rehash ? { secretHash: rehash } : {}) }).where(eq(apiClient.id, id));
  return actorOf(row);
}

/** The client of an access token, if it still exists and is not revoked: checked on every API call. */
export async function getActiveApiClient(db: Queryable, id: string): Promise<ApiClientActor | null> {
  const [row] = await db.select().from(apiClient).where(eq(apiClient.id, id));
  return row && !row.revokedAt ? actorOf(row) : null;
}

/**
 * INITIAL_API_CLIENT_ID and INITIAL_API_CLIENT_SECRET, when both are set, create that client at
 * start unless a client with that id exists (a revoked one stays revoked). A weak secret was
 * refused before this runs (lib/startup-checks.ts).
 */
export async function ensureInitialApiClient(db?: Db): Promise<void> {
  const id = process.env.INITIAL_API_CLIENT_ID?.trim();
  const secret = process.env.INITIAL_API_CLIENT_SECRET;
  if (!id && !secret) return;
  if (!id || !secret) {
    console.warn("[start] set both INITIAL_API_CLIENT_ID and INITIAL_API_CLIENT_SECRET, or neither");
    return;
  }
  const weak = checkStrongSecret("INITIAL_API_CLIENT_SECRET", secret);
  if (weak) throw new Error(weak);
  const database = db ?? (await getDb());
  const [existing] = await database.select({ id: apiClient.id }).from(apiClient).where(eq(apiClient.id, id));
  if (existing) return;
  const secretHash = await hashClientSecret(secret);
  const created = await database.transaction(async (tx) => {
    const rows = await tx
      .insert(apiClient)
      .values({ id, name: "Initial API client", secretHash, createdBy: "INITIAL_API_CLIENT_ID" })
      .onConflictDoNothing()
      .returning();
    if (rows.length) {
      await recordActivity(tx, systemActor, {
        action: "api_client.created",
        targetKind: "api_client",
        targetId: id,
        change: { after: { name: rows[0]!.name } },
        event: { type: "api_client.created", row: rows[0]! },
      });
    }
    return rows.length > 0;
  });
  if (created) console.log(`[start] created the initial API client ${id}`);
}

function actorOf(row: typeof apiClient.$inferSelect): ApiClientActor {
  return { kind: "api_client", id: row.id, label: `API client ${row.name}` };
}

function view(row: typeof apiClient.$inferSelect): ApiClientView {
  const { secretHash: _omit, ...rest } = row;
  return rest;
}
