import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import { and, desc, eq, isNull, lt, or } from "drizzle-orm";
import type { Db, Queryable } from "@/db";
import { partnerOrg, scimToken, type ScimTokenRow } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { authSecret } from "@/lib/auth/secret";
import { config } from "@/lib/config";
import { notFound } from "@/lib/errors";
import { newId } from "@/lib/ids";

export type ScimActor = Extract<Actor, { kind: "scim_token" }>;
export type ScimTokenView = Omit<ScimTokenRow, "tokenHash">;

const PREFIX = "pmscim_";
/** How stale "last used" may get before a request writes it again: no write per request. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** Where a partner's directory sends its SCIM requests. The token alone decides the partner. */
export const scimBaseUrl = (orgId: string) => `${config.appUrl()}/api/scim/v2/${orgId}`;

/**
 * A fast keyed hash suits a 256-bit random token (nothing to brute-force, so no slow hash is needed),
 * and a stolen table is useless without the auth secret. Changing AUTH_SECRET retires every token.
 */
async function hashToken(token: string): Promise<string> {
  const key = createHmac("sha256", await authSecret()).update("partner-management/scim-token/v1").digest();
  return createHmac("sha256", key).update(token).digest("hex");
}

const view = ({ tokenHash: _omit, ...rest }: ScimTokenRow): ScimTokenView => rest;

function actorOf(row: ScimTokenRow): ScimActor {
  const name = row.description ? `"${row.description}" ` : "";
  return { kind: "scim_token", id: row.id, partnerOrgId: row.partnerOrgId, label: `SCIM token ${name}(…${row.hint})` };
}

/** Creates a token for the partner; the token itself is returned this once and never stored. */
export async function createScimToken(
  db: Db,
  actor: Actor,
  orgId: string,
  input: { description?: string | null },
): Promise<{ token: string; baseUrl: string; row: ScimTokenView }> {
  assertCan(actor, "scim:manage", orgId);
  const token = `${PREFIX}${randomBytes(32).toString("base64url")}`;
  const tokenHash = await hashToken(token);
  const row = await db.transaction(async (tx) => {
    const [org] = await tx.select({ id: partnerOrg.id }).from(partnerOrg).where(eq(partnerOrg.id, orgId)).for("share");
    if (!org) throw notFound("Partner organisation not found.");
    const [created] = await tx
      .insert(scimToken)
      .values({ id: newId(), partnerOrgId: orgId, tokenHash, description: input.description || null, hint: token.slice(-4), createdBy: actor.label })
      .returning();
    await recordActivity(tx, actor, {
      action: "scim_token.created",
      targetKind: "scim_token",
      targetId: created!.id,
      partnerOrgId: orgId,
      change: { after: { description: created!.description, hint: created!.hint } },
    });
    return created!;
  });
  return { token, baseUrl: scimBaseUrl(orgId), row: view(row) };
}

/** Revokes a token of that partner: its next request is refused. Revoking twice changes nothing. */
export async function revokeScimToken(db: Db, actor: Actor, orgId: string, id: string): Promise<ScimTokenView> {
  assertCan(actor, "scim:manage", orgId);
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(scimToken).where(and(eq(scimToken.id, id), eq(scimToken.partnerOrgId, orgId))).for("update");
    if (!row) throw notFound("SCIM token not found.");
    if (row.revokedAt) return view(row);
    const [after] = await tx.update(scimToken).set({ revokedAt: new Date() }).where(eq(scimToken.id, id)).returning();
    await recordActivity(tx, actor, {
      action: "scim_token.revoked",
      targetKind: "scim_token",
      targetId: id,
      partnerOrgId: orgId,
      change: { before: { description: row.description, hint: row.hint } },
    });
    return view(after!);
  });
}

/** The partner's tokens, newest first, revoked ones included (a partner has a handful). */
export async function listScimTokens(db: Queryable, actor: Actor, orgId: string): Promise<ScimTokenView[]> {
  assertCan(actor, "scim:read", orgId);
  const rows = await db.select().from(scimToken).where(eq(scimToken.partnerOrgId, orgId)).orderBy(desc(scimToken.id)).limit(200);
  return rows.map(view);
}

/**
 * The actor of a SCIM request: an unrevoked token of exactly this partner, else null (unknown,
 * revoked and another partner's tokens are refused alike). "Last used" is written at most once a minute.
 */
export async function authenticateScimToken(db: Db, orgId: string, token: string): Promise<ScimActor | null> {
  if (!token.startsWith(PREFIX) || token.length > 200) return null;
  const tokenHash = await hashToken(token);
  const [row] = await db
    .select()
    .from(scimToken)
    .where(and(eq(scimToken.tokenHash, tokenHash), eq(scimToken.partnerOrgId, orgId), isNull(scimToken.revokedAt)));
  if (!row) return null;
  const now = Date.now();
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    const stale = new Date(now - LAST_USED_RESOLUTION_MS);
    await db
      .update(scimToken)
      .set({ lastUsedAt: new Date(now) })
      .where(and(eq(scimToken.id, row.id), or(isNull(scimToken.lastUsedAt), lt(scimToken.lastUsedAt, stale))));
  }
  return actorOf(row);
}
