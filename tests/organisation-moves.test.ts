import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { activity, customerOrg, partnerUser } from "@/db/schema";
import { listActivity } from "@/lib/activity/query";
import type { Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import { createOrganisation, deleteOrganisation, getOrganisation, moveOrganisation } from "@/lib/organisations";
import { movePartnerUser } from "@/lib/partners/move-user";
import { createPartnerOrg, deletePartnerOrg } from "@/lib/partners/orgs";
import { createPartnerUser } from "@/lib/partners/users";
import { databaseKind, freshDatabase } from "./helpers/db";

const owner: Actor = { kind: "admin", id: "a1", role: "owner", label: "owner@moves.example" };
const isCode = (code: DomainError["code"]) => (e: unknown) => e instanceof DomainError && e.code === code;
const trail = { actor: "", action: "", size: 100 };

describe(`moving organisations and users between partners (${databaseKind})`, () => {
  let database: Database;
  let n = 0;
  const newPartner = async (name = `Partner ${++n}`) => createPartnerOrg(database.db, owner, { name, zuoraAccountId: `Z${n}`, invoiceOwner: "partner" });
  const movesOf = async (id: string) =>
    database.db.select().from(activity).where(and(eq(activity.targetId, id), eq(activity.action, "organisation.moved"))).orderBy(asc(activity.id));
  before(async () => {
    database = await freshDatabase();
  });
  after(async () => {
    await database.close();
  });

  test("a move records the old and the new partner, and both partners' trails show it", async () => {
    const a = await newPartner();
    const b = await newPartner();
    const o = await createOrganisation(database.db, owner, { name: "Mover", partnerOrgId: a.id });
    await moveOrganisation(database.db, owner, o.id, b.id);
    await moveOrganisation(database.db, owner, o.id, null);
    const [toB, toNone] = await movesOf(o.id);
    assert.equal(toB!.partnerOrgId, b.id);
    assert.deepEqual(toB!.change, { name: "Mover", before: { partnerOrgId: a.id, partnerName: a.name }, after: { partnerOrgId: b.id, partnerName: b.name } });
    assert.equal(toNone!.partnerOrgId, null);
    const seenBy = async (org: string) => (await listActivity(database.db, owner, { ...trail, org })).rows.filter((r) => r.targetId === o.id).map((r) => r.id);
    assert.deepEqual(await seenBy(a.id), [toB!.id, (await database.db.select().from(activity).where(and(eq(activity.targetId, o.id), eq(activity.action, "organisation.created"))))[0]!.id]);
    assert.deepEqual(await seenBy(b.id), [toNone!.id, toB!.id]);
    // A partner Admin reads the same from their side.
    const admin: Actor = { kind: "partner_user", id: "x", partnerOrgId: a.id, role: "admin", label: "x" };
    assert.ok((await listActivity(database.db, admin, { ...trail, org: "" })).rows.some((r) => r.id === toB!.id));
    // Moving to where it already is changes and records nothing.
    await moveOrganisation(database.db, owner, o.id, null);
    assert.equal((await movesOf(o.id)).length, 2);
  });

  test("deleting a partner keeps its organisations, as No partner, each move audited in the same transaction", async () => {
    const p = await newPartner("Going away");
    const kept = await Promise.all([1, 2, 3].map((i) => createOrganisation(database.db, owner, { name: `Kept ${i}`, partnerOrgId: p.id })));
    await deletePartnerOrg(database.db, owner, p.id);
    for (const o of kept) {
      assert.equal((await getOrganisation(database.db, owner, o.id)).partnerOrgId, null);
      const [move] = await movesOf(o.id);
      assert.deepEqual(move!.change, { name: o.name, reason: "partner_org.deleted", before: { partnerOrgId: p.id, partnerName: "Going away" }, after: { partnerOrgId: null, partnerName: null } });
    }
    const [deleted] = await database.db.select().from(activity).where(and(eq(activity.targetId, p.id), eq(activity.action, "partner_org.deleted")));
    assert.equal((deleted!.change as { organisationsReleased: number }).organisationsReleased, 3);
  });

  test("two moves at once end in one state, and the trail chains: each move starts where the last ended", async () => {
    const [a, b, c] = [await newPartner(), await newPartner(), await newPartner()];
    for (let round = 0; round < 4; round++) {
      const o = await createOrganisation(database.db, owner, { name: `Race ${round}`, partnerOrgId: a.id });
      await Promise.all([moveOrganisation(database.db, owner, o.id, b.id), moveOrganisation(database.db, owner, o.id, c.id)]);
      const [row] = await database.db.select().from(customerOrg).where(eq(customerOrg.id, o.id));
      const moves = (await movesOf(o.id)).map((m) => m.change as { before: { partnerOrgId: string }; after: { partnerOrgId: string } });
      assert.equal(moves.length, 2);
      assert.equal(moves[0]!.before.partnerOrgId, a.id);
      assert.equal(moves[1]!.before.partnerOrgId, moves[0]!.after.partnerOrgId);
      assert.equal(row!.partnerOrgId, moves[1]!.after.partnerOrgId);
    }
  });

  test("a move racing a delete: the organisation is gone and the trail agrees", async () => {
    const [a, b] = [await newPartner(), await newPartner()];
    for (let round = 0; round < 4; round++) {
      const o = await createOrganisation(database.db, owner, { name: `Doomed ${round}`, partnerOrgId: a.id });
      const [move]: PromiseSettledResult<unknown>[] = await Promise.allSettled([moveOrganisation(database.db, owner, o.id, b.id), deleteOrganisation(database.db, owner, o.id)]);
      assert.equal((await database.db.select().from(customerOrg).where(eq(customerOrg.id, o.id))).length, 0);
      const [deleted] = await database.db.select().from(activity).where(and(eq(activity.targetId, o.id), eq(activity.action, "organisation.deleted")));
      const moved: boolean = move!.status === "fulfilled";
      if (!moved) assert.ok(isCode("not_found")((move as PromiseRejectedResult).reason));
      assert.equal((await movesOf(o.id)).length, moved ? 1 : 0);
      assert.equal((deleted!.change as { before: { partnerOrgId: string } }).before.partnerOrgId, moved ? b.id : a.id);
    }
  });

  test("a move into a partner racing that partner's delete: No partner either way, and audited", async () => {
    for (let round = 0; round < 4; round++) {
      const target = await newPartner();
      const o = await createOrganisation(database.db, owner, { name: `Homeless ${round}`, partnerOrgId: null });
      const [move]: PromiseSettledResult<unknown>[] = await Promise.allSettled([moveOrganisation(database.db, owner, o.id, target.id), deletePartnerOrg(database.db, owner, target.id)]);
      assert.equal((await getOrganisation(database.db, owner, o.id)).partnerOrgId, null);
      const moves = await movesOf(o.id);
      if (move!.status === "fulfilled") {
        assert.deepEqual(moves.map((m) => m.partnerOrgId), [target.id, null]);
      } else {
        assert.ok(isCode("not_found")((move as PromiseRejectedResult).reason));
        assert.equal(moves.length, 0);
      }
    }
  });

  test("a portal admin moves a partner user: same sign-in, chosen role, sessions ended, audited for both partners", async () => {
    const [from, to] = [await newPartner("Wrong partner"), await newPartner("Right partner")];
    const user = await createPartnerUser(database.db, owner, from.id, { email: "moved@users.example" });
    assert.equal(user.role, "admin");
    await database.db.update(partnerUser).set({ passwordHash: "hash-kept" }).where(eq(partnerUser.id, user.id));
    // The only Admin may go: a portal admin acts, and the entry says the old partner has none left.
    const moved = await movePartnerUser(database.db, owner, from.id, user.id, { toOrgId: to.id });
    assert.equal(moved.id, user.id);
    assert.equal(moved.partnerOrgId, to.id);
    assert.equal(moved.role, "viewer");
    assert.equal(moved.passwordHash, "hash-kept");
    assert.equal(moved.sessionVersion, user.sessionVersion + 1);
    const [entry] = await database.db.select().from(activity).where(and(eq(activity.targetId, user.id), eq(activity.action, "partner_user.moved")));
    assert.deepEqual(entry!.change, {
      email: "moved@users.example",
      before: { partnerOrgId: from.id, partnerName: "Wrong partner", role: "admin" },
      after: { partnerOrgId: to.id, partnerName: "Right partner", role: "viewer" },
      sourceLeftWithoutAdmin: true,
    });
    for (const org of [from.id, to.id]) assert.ok((await listActivity(database.db, owner, { ...trail, org })).rows.some((r) => r.id === entry!.id));
    const back = await movePartnerUser(database.db, owner, to.id, user.id, { toOrgId: from.id, role: "maintainer" });
    assert.equal(back.role, "maintainer");
    await assert.rejects(movePartnerUser(database.db, owner, to.id, user.id, { toOrgId: from.id }), isCode("not_found"));
    await assert.rejects(movePartnerUser(database.db, owner, from.id, user.id, { toOrgId: from.id }), isCode("invalid"));
    await assert.rejects(movePartnerUser(database.db, owner, from.id, user.id, { toOrgId: "missing" }), isCode("not_found"));
    const viewer: Actor = { kind: "admin", id: "v", role: "viewer", label: "v" };
    await assert.rejects(movePartnerUser(database.db, viewer, from.id, user.id, { toOrgId: to.id }), isCode("forbidden"));
    const partnerAdmin: Actor = { kind: "partner_user", id: "p", partnerOrgId: from.id, role: "admin", label: "p" };
    await assert.rejects(movePartnerUser(database.db, partnerAdmin, from.id, user.id, { toOrgId: to.id }), isCode("forbidden"));
    assert.equal((await database.db.select().from(partnerUser).where(eq(partnerUser.id, user.id)))[0]!.partnerOrgId, from.id);
  });
});
