import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { activity } from "@/db/schema";
import { listActivity } from "@/lib/activity/query";
import type { Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import { createPartnerOrg, deletePartnerOrg, updatePartnerOrg } from "@/lib/partners/orgs";
import { createPartnerUser, deletePartnerUser } from "@/lib/partners/users";
import { databaseKind, freshDatabase } from "./helpers/db";

process.env.MAIL_OUTBOX_DIR = mkdtempSync(path.join(tmpdir(), "pm-activity-outbox-"));

const owner: Actor = { kind: "admin", id: "00000000-0000-7000-8000-00000000000a", role: "owner", label: "owner@activity.example" };
const viewer: Actor = { kind: "admin", id: "00000000-0000-7000-8000-00000000000b", role: "viewer", label: "viewer@activity.example" };
const org = (name: string) => ({ name, zuoraAccountId: `Z-${name.replace(/\s/g, "")}`, invoiceOwner: "partner" as const });
const all = { actor: "", org: "", action: "", size: 100 };

describe(`activity trail (${databaseKind})`, () => {
  let database: Database;
  before(async () => {
    database = await freshDatabase();
  });
  after(async () => {
    await database.close();
  });

  test("every org and user change is recorded with actor, target and change", async () => {
    const o = await createPartnerOrg(database.db, owner, org("Audit One"));
    await updatePartnerOrg(database.db, owner, o.id, { name: "Audit Uno" });
    const u = await createPartnerUser(database.db, owner, o.id, { email: "u@audit.example", firstName: "Ada", lastName: "Lovelace" });
    await deletePartnerUser(database.db, owner, o.id, u.id);
    await deletePartnerOrg(database.db, owner, o.id);
    const page = await listActivity(database.db, viewer, { ...all, org: o.id });
    const actions = page.rows.map((r) => r.action).reverse();
    assert.deepEqual(
      actions.filter((a) => a !== "invitation.sent"),
      ["partner_org.created", "partner_org.updated", "partner_user.created", "partner_user.deleted", "partner_org.deleted"],
    );
    for (const r of page.rows) {
      assert.equal(r.actorId, owner.id);
      assert.equal(r.actorLabel, owner.label);
      assert.equal(r.orgExists, false, "the org is gone, so no link");
    }
    const updated = page.rows.find((r) => r.action === "partner_org.updated")!;
    assert.deepEqual(updated.change, { before: { name: "Audit One" }, after: { name: "Audit Uno" } });
    const created = page.rows.find((r) => r.action === "partner_user.created")!;
    assert.equal((created.change as { after: { name: string } }).after.name, "Ada Lovelace");
  });

  test("a failed change leaves no entry (same transaction)", async () => {
    const a = await createPartnerOrg(database.db, owner, org("Atomic A"));
    const b = await createPartnerOrg(database.db, owner, org("Atomic B"));
    await createPartnerUser(database.db, owner, a.id, { email: "taken@audit.example" });
    const n0 = (await database.db.select().from(activity)).length;
    await assert.rejects(createPartnerUser(database.db, owner, b.id, { email: "TAKEN@audit.example" }), DomainError);
    await assert.rejects(updatePartnerOrg(database.db, viewer, a.id, { name: "nope" }), DomainError);
    await assert.rejects(deletePartnerOrg(database.db, owner, "00000000-0000-7000-8000-000000000000"), DomainError);
    assert.equal((await database.db.select().from(activity)).length, n0);
  });

  test("entries cannot be updated or deleted (append-only trigger)", async () => {
    const [entry] = await database.db.select().from(activity).limit(1);
    await assert.rejects(database.db.update(activity).set({ action: "x" }).where(eq(activity.id, entry!.id)));
    await assert.rejects(database.db.delete(activity).where(eq(activity.id, entry!.id)));
  });

  test("filters by actor, organisation, action and date range", async () => {
    const other: Actor = { kind: "admin", id: "00000000-0000-7000-8000-00000000000c", role: "admin", label: "someone.else@activity.example" };
    const o = await createPartnerOrg(database.db, other, org("Filtered"));
    await updatePartnerOrg(database.db, other, o.id, { logo: "https://example.com/l.png" });
    const byActor = await listActivity(database.db, viewer, { ...all, actor: "someone.else" });
    assert.deepEqual(byActor.rows.map((r) => r.action), ["partner_org.updated", "partner_org.created"]);
    assert.equal((await listActivity(database.db, viewer, { ...all, actor: other.id })).rows.length, 2);
    const byAction = await listActivity(database.db, viewer, { ...all, org: o.id, action: "partner_org.updated" });
    assert.equal(byAction.rows.length, 1);
    assert.equal(byAction.rows[0]!.orgExists, true);
    const today = new Date().toISOString().slice(0, 10);
    assert.equal((await listActivity(database.db, viewer, { ...all, org: o.id, from: today, to: today })).rows.length, 2);
    assert.equal((await listActivity(database.db, viewer, { ...all, org: o.id, to: "2000-01-01" })).rows.length, 0);
    assert.equal((await listActivity(database.db, viewer, { ...all, org: o.id, from: "2999-01-01" })).rows.length, 0);
  });

  test("keyset paging walks every entry once, forwards and back", async () => {
    const o = await createPartnerOrg(database.db, owner, org("Paged"));
    for (let i = 0; i < 11; i++) await updatePartnerOrg(database.db, owner, o.id, { name: `Paged ${i}` });
    const seen: string[] = [];
    let page = await listActivity(database.db, viewer, { ...all, org: o.id, size: 25 });
    const everything = page.rows.map((r) => r.id);
    assert.equal(everything.length, 12);
    page = await listActivity(database.db, viewer, { ...all, org: o.id, size: 5 });
    const pages = [page];
    seen.push(...page.rows.map((r) => r.id));
    while (page.nextCursor) {
      page = await listActivity(database.db, viewer, { ...all, org: o.id, size: 5, after: page.nextCursor });
      pages.push(page);
      seen.push(...page.rows.map((r) => r.id));
    }
    assert.deepEqual(seen, everything, "newest first, no gaps, no repeats");
    assert.equal(pages.length, 3);
    const back = await listActivity(database.db, viewer, { ...all, org: o.id, size: 5, before: pages[2]!.prevCursor });
    assert.deepEqual(back.rows.map((r) => r.id), pages[1]!.rows.map((r) => r.id));
  });

  test("partner users of every role read only their own organisation's activity; others cannot read it", async () => {
    const a = await createPartnerOrg(database.db, owner, org("Own A"));
    const b = await createPartnerOrg(database.db, owner, org("Own B"));
    const partnerAdmin: Actor = { kind: "partner_user", id: "p1", partnerOrgId: a.id, role: "admin", label: "p@a" };
    const partnerViewer: Actor = { kind: "partner_user", id: "p2", partnerOrgId: a.id, role: "viewer", label: "v@a" };
    const mine = await listActivity(database.db, partnerAdmin, all);
    assert.ok(mine.rows.length > 0);
    assert.ok(mine.rows.every((r) => r.partnerOrgId === a.id));
    await assert.rejects(listActivity(database.db, partnerAdmin, { ...all, org: b.id }), (e: unknown) => e instanceof DomainError && e.code === "forbidden");
    const viewed = await listActivity(database.db, partnerViewer, all);
    assert.deepEqual(viewed.rows.map((r) => r.id), mine.rows.map((r) => r.id));
    await assert.rejects(listActivity(database.db, partnerViewer, { ...all, org: b.id }), (e: unknown) => e instanceof DomainError && e.code === "forbidden");
    await assert.rejects(listActivity(database.db, { kind: "anonymous", label: "x" }, all), DomainError);
  });
});
