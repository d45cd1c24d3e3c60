import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { activity, adminUser, userToken } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { sendDueMails } from "@/lib/mail/outbox";
import { changeAdminRole, inviteAdmin, LAST_OWNER_MESSAGE, listAdmins, OWNER_ONLY_MESSAGE, removeAdmin } from "@/lib/admins/admins";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { databaseKind, freshDatabase } from "./helpers/db";

const outbox = mkdtempSync(path.join(tmpdir(), "pm-admins-outbox-"));
process.env.MAIL_OUTBOX_DIR = outbox;

type Role = "owner" | "admin" | "viewer";
const isDomain = (code: DomainError["code"], message?: string) => (err: unknown) =>
  err instanceof DomainError && err.code === code && (message === undefined || err.message === message);

describe(`portal admins (${databaseKind})`, () => {
  let database: Database;
  before(async () => {
    database = await freshDatabase();
  });
  after(async () => {
    await database.close();
  });

  let seq = 0;
  async function makeAdmin(role: Role, active = true): Promise<Actor & { kind: "admin" }> {
    const email = `${role}-${++seq}@admins.example`;
    const id = newId();
    await database.db.insert(adminUser).values({ id, email, role, passwordHash: active ? "x" : null });
    return { kind: "admin", id, role, label: email };
  }
  const entries = (targetId: string) => database.db.select().from(activity).where(eq(activity.targetId, targetId));
  const row = async (id: string) => (await database.db.select().from(adminUser).where(eq(adminUser.id, id)))[0];

  test("an invitation creates an admin without a password, a hashed token, an entry and a mail", async () => {
    const owner = await makeAdmin("owner");
    const { admin } = await inviteAdmin(database.db, owner, { email: "New.Admin@admins.example", role: "admin" });
    assert.equal(admin.passwordHash, null);
    const tokens = await database.db.select().from(userToken).where(eq(userToken.principalId, admin.id));
    assert.equal(tokens.length, 1);
    assert.equal(tokens[0]!.principalKind, "admin");
    await sendDueMails(database.db);
    const mail = readdirSync(outbox)
      .map((f) => readFileSync(path.join(outbox, f), "utf8").replace(/=\r?\n/g, "").replace(/=3D/g, "="))
      .find((m) => m.includes("New.Admin@admins.example"));
    assert.ok(mail, "the invitation mail is in the outbox");
    const link = /\/invite\/([A-Za-z0-9_-]{43})/.exec(mail!)?.[1];
    assert.ok(link, "the mail carries the invite link");
    assert.notEqual(tokens[0]!.tokenHash, link, "only the hash is stored");
    const [entry] = await entries(admin.id);
    assert.equal(entry!.action, "admin.invited");
    assert.equal(entry!.actorId, owner.id);
    assert.deepEqual(entry!.change, { after: { email: "New.Admin@admins.example", role: "admin" } });
    const listed = (await listAdmins(database.db, owner)).find((a) => a.id === admin.id);
    assert.equal(listed?.status, "invited");
  });

  test("a second admin with the same email (any case) is refused and nothing is recorded", async () => {
    const owner = await makeAdmin("owner");
    await inviteAdmin(database.db, owner, { email: "dup@admins.example", role: "viewer" });
    const before = (await database.db.select().from(activity)).length;
    await assert.rejects(inviteAdmin(database.db, owner, { email: "DUP@admins.example", role: "viewer" }), isDomain("conflict"));
    assert.equal((await database.db.select().from(activity)).length, before);
  });

  // The role matrix: who may invite, re-role and remove whom.
  const matrix: { actor: Role; action: string; target: Role; to?: Role; allowed: boolean }[] = [
    { actor: "viewer", action: "invite", target: "viewer", allowed: false },
    { actor: "viewer", action: "role", target: "viewer", to: "admin", allowed: false },
    { actor: "viewer", action: "remove", target: "viewer", allowed: false },
    { actor: "admin", action: "invite", target: "viewer", allowed: true },
    { actor: "admin", action: "invite", target: "admin", allowed: true },
    { actor: "admin", action: "invite", target: "owner", allowed: false },
    { actor: "admin", action: "role", target: "viewer", to: "admin", allowed: true },
    { actor: "admin", action: "role", target: "admin", to: "viewer", allowed: true },
    { actor: "admin", action: "role", target: "viewer", to: "owner", allowed: false },
    { actor: "admin", action: "role", target: "owner", to: "admin", allowed: false },
    { actor: "admin", action: "remove", target: "viewer", allowed: true },
    { actor: "admin", action: "remove", target: "owner", allowed: false },
    { actor: "owner", action: "invite", target: "owner", allowed: true },
    { actor: "owner", action: "role", target: "admin", to: "owner", allowed: true },
    { actor: "owner", action: "role", target: "owner", to: "viewer", allowed: true },
    { actor: "owner", action: "remove", target: "owner", allowed: true },
    { actor: "owner", action: "remove", target: "admin", allowed: true },
  ];
  for (const c of matrix) {
    test(`role matrix: ${c.actor} ${c.action} ${c.target}${c.to ? ` → ${c.to}` : ""}: ${c.allowed ? "allowed" : "refused"}`, async () => {
      await makeAdmin("owner"); // another Owner, so the last-Owner rule is not what decides
      const actor = await makeAdmin(c.actor);
      const target = c.action === "invite" ? undefined : await makeAdmin(c.target);
      const before = (await database.db.select().from(activity)).length;
      const run = () =>
        c.action === "invite"
          ? inviteAdmin(database.db, actor, { email: `inv-${++seq}@admins.example`, role: c.target })
          : c.action === "role"
            ? changeAdminRole(database.db, actor, target!.id, c.to!)
            : removeAdmin(database.db, actor, target!.id);
      if (c.allowed) {
        await run();
        assert.equal((await database.db.select().from(activity)).length, before + 1);
      } else {
        await assert.rejects(run, isDomain("forbidden"));
        assert.equal((await database.db.select().from(activity)).length, before, "a refused change leaves no entry");
        if (target) assert.equal((await row(target.id))?.role, c.target, "and changes nothing");
      }
    });
  }

  test("Owner-only rule has a clear message", async () => {
    const admin = await makeAdmin("admin");
    await assert.rejects(inviteAdmin(database.db, admin, { email: "o@admins.example", role: "owner" }), isDomain("forbidden", OWNER_ONLY_MESSAGE));
  });

  test("demoting bumps the session version and records before and after", async () => {
    const owner = await makeAdmin("owner");
    const target = await makeAdmin("admin");
    const v0 = (await row(target.id))!.sessionVersion;
    await changeAdminRole(database.db, owner, target.id, "viewer");
    assert.equal((await row(target.id))!.sessionVersion, v0 + 1);
    const [entry] = await entries(target.id);
    assert.equal(entry!.action, "admin.role_changed");
    assert.deepEqual((entry!.change as { before: unknown }).before, { role: "admin" });
    assert.deepEqual((entry!.change as { after: unknown }).after, { role: "viewer" });
    await changeAdminRole(database.db, owner, target.id, "admin");
    assert.equal((await row(target.id))!.sessionVersion, v0 + 1, "a promotion keeps the session");
  });

  test("removing deletes the admin (its session ends), revokes its invitation and records it", async () => {
    const owner = await makeAdmin("owner");
    const { admin } = await inviteAdmin(database.db, owner, { email: "gone@admins.example", role: "viewer" });
    await removeAdmin(database.db, owner, admin.id);
    assert.equal(await row(admin.id), undefined);
    const [token] = await database.db.select().from(userToken).where(eq(userToken.principalId, admin.id));
    assert.ok(token!.revokedAt);
    assert.deepEqual((await entries(admin.id)).map((e) => e.action).sort(), ["admin.invited", "admin.removed"]);
  });

  test("the last active Owner cannot be demoted or removed, even by itself", async () => {
    const other = await freshDatabase();
    try {
      const id = newId();
      await other.db.insert(adminUser).values({ id, email: "solo@admins.example", role: "owner", passwordHash: "x" });
      const solo: Actor = { kind: "admin", id, role: "owner", label: "solo@admins.example" };
      // An invited Owner who never set a password does not count.
      const { admin: invited } = await inviteAdmin(other.db, solo, { email: "later@admins.example", role: "owner" });
      await assert.rejects(changeAdminRole(other.db, solo, id, "admin"), isDomain("conflict", LAST_OWNER_MESSAGE));
      await assert.rejects(removeAdmin(other.db, solo, id), isDomain("conflict", LAST_OWNER_MESSAGE));
      const [still] = await other.db.select().from(adminUser).where(eq(adminUser.id, id));
      assert.equal(still!.role, "owner");
      assert.equal((await other.db.select().from(activity).where(eq(activity.targetId, id))).length, 0);
      await removeAdmin(other.db, solo, invited.id);
    } finally {
      await other.close();
    }
  });

  test("two Owners demoting each other at once: exactly one succeeds", async () => {
    const other = await freshDatabase();
    try {
      const a = newId();
      const b = newId();
      await other.db.insert(adminUser).values([
        { id: a, email: "a@race.example", role: "owner", passwordHash: "x" },
        { id: b, email: "b@race.example", role: "owner", passwordHash: "x" },
      ]);
      const actorA: Actor = { kind: "admin", id: a, role: "owner", label: "a" };
      const actorB: Actor = { kind: "admin", id: b, role: "owner", label: "b" };
      const results = await Promise.allSettled([removeAdmin(other.db, actorA, b), changeAdminRole(other.db, actorB, a, "viewer")]);
      assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
      const owners = (await other.db.select().from(adminUser)).filter((r) => r.role === "owner");
      assert.equal(owners.length, 1);
    } finally {
      await other.close();
    }
  });
});
