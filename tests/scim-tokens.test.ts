/** SCIM tokens (create once, hashed, revoke, last used) and the suspended partner-user state, in the domain. */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { activity, partnerUser, scimToken } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import { deletePartnerOrg } from "@/lib/partners/orgs";
import { partnerUserStatuses } from "@/lib/partners/user-access";
import { updatePartnerUser } from "@/lib/partners/user-update";
import { createPartnerUser } from "@/lib/partners/users";
import { authenticateScimToken, createScimToken, listScimTokens, revokeScimToken } from "@/lib/scim/tokens";
import { databaseKind } from "./helpers/db";
import { portalOwner, setupScim } from "./helpers/scim";

const refused = (code: DomainError["code"]) => (e: unknown) => e instanceof DomainError && e.code === code;

describe(`SCIM tokens and suspension (${databaseKind})`, () => {
  let database: Database;
  let orgA: string;
  let orgB: string;
  const viewer: Actor = { kind: "admin", id: "v", role: "viewer", label: "viewer@example.com" };
  const partner = (id: string, orgId: string, role: "admin" | "viewer"): Actor => ({ kind: "partner_user", id, partnerOrgId: orgId, role, label: `${role}@p.example` });
  before(async () => {
    ({ database, orgA, orgB } = await setupScim());
  });
  after(async () => {
    await database.close();
  });

  test("a token is shown once with the base URL; only a keyed hash and its last four characters are kept", async () => {
    const { token, baseUrl, row } = await createScimToken(database.db, portalOwner, orgA, { description: "Entra ID" });
    assert.match(token, /^pmscim_[A-Za-z0-9_-]{43}$/);
    assert.equal(baseUrl, `http://localhost:3000/api/scim/v2/${orgA}`);
    assert.equal("tokenHash" in row, false);
    const [stored] = await database.db.select().from(scimToken).where(eq(scimToken.id, row.id));
    assert.match(stored!.tokenHash, /^[0-9a-f]{64}$/);
    assert.equal(JSON.stringify(stored).includes(token), false);
    assert.equal(stored!.hint, token.slice(-4));
    const [entry] = await database.db.select().from(activity).where(eq(activity.targetId, row.id));
    assert.equal(entry!.action, "scim_token.created");
    assert.equal(entry!.partnerOrgId, orgA);
  });

  test("who manages tokens: portal Owner/Admin and the partner's Admins; portal Viewers read; nobody crosses partners", async () => {
    const pAdminA = partner("pa", orgA, "admin");
    const pViewerA = partner("pv", orgA, "viewer");
    const { row } = await createScimToken(database.db, pAdminA, orgA, {});
    assert.ok((await listScimTokens(database.db, viewer, orgA)).some((t) => t.id === row.id));
    assert.ok((await listScimTokens(database.db, pAdminA, orgA)).length >= 1);
    await assert.rejects(createScimToken(database.db, viewer, orgA, {}), refused("forbidden"));
    await assert.rejects(createScimToken(database.db, pViewerA, orgA, {}), refused("forbidden"));
    await assert.rejects(listScimTokens(database.db, pViewerA, orgA), refused("forbidden"));
    await assert.rejects(createScimToken(database.db, pAdminA, orgB, {}), refused("forbidden"));
    await assert.rejects(listScimTokens(database.db, pAdminA, orgB), refused("forbidden"));
    const scimActor = await authenticateScimToken(database.db, orgA, (await createScimToken(database.db, portalOwner, orgA, {})).token);
    await assert.rejects(createScimToken(database.db, scimActor!, orgA, {}), refused("forbidden"), "a token cannot mint tokens");
    await assert.rejects(revokeScimToken(database.db, pAdminA, orgB, row.id), refused("forbidden"));
    await assert.rejects(revokeScimToken(database.db, portalOwner, orgB, row.id), refused("not_found"), "a token is revoked through its own partner");
    await revokeScimToken(database.db, pAdminA, orgA, row.id);
    const again = await revokeScimToken(database.db, pAdminA, orgA, row.id);
    assert.ok(again.revokedAt);
    const revocations = await database.db.select().from(activity).where(eq(activity.targetId, row.id));
    assert.equal(revocations.filter((e) => e.action === "scim_token.revoked").length, 1, "revoking twice is audited once");
  });

  test("authentication: the token and the partner must match; last used is written at most once a minute", async () => {
    const { token, row } = await createScimToken(database.db, portalOwner, orgA, {});
    assert.equal(await authenticateScimToken(database.db, orgB, token), null);
    assert.equal(await authenticateScimToken(database.db, orgA, `${token}x`), null);
    const actor = await authenticateScimToken(database.db, orgA, token);
    assert.deepEqual({ kind: actor!.kind, id: actor!.id, org: actor!.partnerOrgId }, { kind: "scim_token", id: row.id, org: orgA });
    const first = (await database.db.select().from(scimToken).where(eq(scimToken.id, row.id)))[0]!.lastUsedAt!;
    assert.ok(first);
    await authenticateScimToken(database.db, orgA, token);
    const second = (await database.db.select().from(scimToken).where(eq(scimToken.id, row.id)))[0]!.lastUsedAt!;
    assert.equal(second.getTime(), first.getTime(), "no write within the minute");
    await database.db.update(scimToken).set({ lastUsedAt: new Date(Date.now() - 120_000) }).where(eq(scimToken.id, row.id));
    await authenticateScimToken(database.db, orgA, token);
    const third = (await database.db.select().from(scimToken).where(eq(scimToken.id, row.id)))[0]!.lastUsedAt!;
    assert.ok(Date.now() - third.getTime() < 10_000);
  });

  test("a SCIM token acts only on its partner's users, with the partner's member-management rights", async () => {
    const actor = (await authenticateScimToken(database.db, orgA, (await createScimToken(database.db, portalOwner, orgA, {})).token))!;
    const inB = await createPartnerUser(database.db, portalOwner, orgB, { email: "b-user@b.example" });
    await assert.rejects(createPartnerUser(database.db, actor, orgB, { email: "x@b.example" }), refused("forbidden"));
    await assert.rejects(updatePartnerUser(database.db, actor, orgB, inB.id, { suspended: true }), refused("forbidden"));
    const inA = await createPartnerUser(database.db, actor, orgA, { email: "a-user@a.example", role: "maintainer" });
    assert.equal(inA.role, "maintainer");
  });

  test("suspension: only a directory suspends; the status shows it, the session version moves, restoring clears it", async () => {
    const directory = (await authenticateScimToken(database.db, orgA, (await createScimToken(database.db, portalOwner, orgA, {})).token))!;
    const user = await createPartnerUser(database.db, portalOwner, orgA, { email: "suspend-me@a.example" });
    // No page offers suspension to people yet, so the policy gives it to no human role.
    for (const actor of [partner("pv", orgA, "viewer"), partner("pa", orgA, "admin"), portalOwner]) {
      await assert.rejects(updatePartnerUser(database.db, actor, orgA, user.id, { suspended: true }), refused("forbidden"));
    }
    const suspended = await updatePartnerUser(database.db, directory, orgA, user.id, { suspended: true });
    assert.ok(suspended.suspendedAt);
    assert.equal(suspended.sessionVersion, user.sessionVersion + 1);
    assert.equal((await partnerUserStatuses(database.db, [suspended])).get(user.id), "suspended");
    const again = await updatePartnerUser(database.db, directory, orgA, user.id, { suspended: true });
    assert.equal(again.sessionVersion, suspended.sessionVersion, "suspending twice changes nothing");
    const restored = await updatePartnerUser(database.db, directory, orgA, user.id, { suspended: false });
    assert.equal(restored.suspendedAt, null);
    assert.equal((await partnerUserStatuses(database.db, [restored])).get(user.id), "invited");
    const [row] = await database.db.select().from(partnerUser).where(eq(partnerUser.id, user.id));
    assert.equal(row!.suspendedAt, null);
  });

  test("deleting an organisation removes its tokens", async () => {
    await deletePartnerOrg(database.db, portalOwner, orgB);
    assert.equal((await database.db.select().from(scimToken).where(eq(scimToken.partnerOrgId, orgB))).length, 0);
  });
});
