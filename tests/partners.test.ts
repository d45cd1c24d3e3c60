import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { count, eq, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { activity, partnerOrg, partnerUser } from "@/db/schema";
import { systemActor, type Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import { createPartnerOrg, deletePartnerOrg, getPartnerOrg, updatePartnerOrg } from "@/lib/partners/orgs";
import { listPartnersTable } from "@/lib/partners/partners-table";
import { createPartnerUser, deletePartnerUser, DUPLICATE_EMAIL_MESSAGE, listPartnerUsers } from "@/lib/partners/users";
import { partnersTableSearchSchema } from "@/lib/validations/partner-org";
import { databaseKind, freshDatabase } from "./helpers/db";

const admin: Actor = { kind: "admin", id: "a1", role: "owner", label: "owner@example.com" };
const viewer: Actor = { kind: "admin", id: "a2", role: "viewer", label: "viewer@example.com" };
const org = (name: string, extra: Partial<Parameters<typeof createPartnerOrg>[2]> = {}) => ({
  name,
  zuoraAccountId: `Z-${name}`,
  invoiceOwner: "partner" as const,
  ...extra,
});

describe(`partners domain (${databaseKind})`, () => {
  let database: Database;
  before(async () => {
    database = await freshDatabase();
  });
  after(async () => {
    await database.close();
  });

  test("creates an organisation with an opaque URL-safe id and reads it back", async () => {
    const created = await createPartnerOrg(database.db, admin, org("Acme Resellers", { logo: "https://example.com/a.png" }));
    assert.match(created.id, /^[0-9a-f-]{36}$/);
    assert.equal(encodeURIComponent(created.id), created.id);
    const read = await getPartnerOrg(database.db, admin, created.id);
    assert.equal(read.name, "Acme Resellers");
    assert.equal(read.logo, "https://example.com/a.png");
    assert.equal(read.status, "approved");
  });

  test("an email is unique across all partners, whatever its case", async () => {
    const a = await createPartnerOrg(database.db, admin, org("Uniq A"));
    const b = await createPartnerOrg(database.db, admin, org("Uniq B"));
    await createPartnerUser(database.db, admin, a.id, { email: "Jane@Example.com", name: "Jane" });
    await assert.rejects(
      createPartnerUser(database.db, admin, b.id, { email: "jane@EXAMPLE.com" }),
      (err: unknown) => err instanceof DomainError && err.code === "conflict" && err.message === DUPLICATE_EMAIL_MESSAGE,
    );
    const [{ n }] = (await database.db
      .select({ n: count() })
      .from(partnerUser)
      .where(sql`lower(${partnerUser.email}) = 'jane@example.com'`)) as [{ n: number }];
    assert.equal(Number(n), 1);
  });

  test("many parallel creates of one email end with exactly one user", async () => {
    const orgs = await Promise.all([1, 2, 3, 4].map((i) => createPartnerOrg(database.db, admin, org(`Race ${i}`))));
    const results = await Promise.allSettled(
      Array.from({ length: 16 }, (_, i) =>
        createPartnerUser(database.db, admin, orgs[i % 4]!.id, { email: i % 2 ? "RACE@example.com" : "race@example.com" }),
      ),
    );
    assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
    for (const r of results.filter((r) => r.status === "rejected")) {
      assert.ok((r as PromiseRejectedResult).reason instanceof DomainError);
      assert.equal(((r as PromiseRejectedResult).reason as DomainError).code, "conflict");
    }
  });

  test("the first user of an organisation is its Admin, the next ones Viewers", async () => {
    const o = await createPartnerOrg(database.db, admin, org("Roles"));
    const first = await createPartnerUser(database.db, admin, o.id, { email: "first@roles.example" });
    const second = await createPartnerUser(database.db, admin, o.id, { email: "second@roles.example" });
    assert.equal(first.role, "admin");
    assert.equal(second.role, "viewer");
  });

  test("updating records the fields before and after in the same transaction", async () => {
    const o = await createPartnerOrg(database.db, admin, org("Before"));
    const updated = await updatePartnerOrg(database.db, admin, o.id, { name: "After", logo: null });
    assert.equal(updated.name, "After");
    assert.ok(updated.modified.getTime() >= o.modified.getTime());
    const entries = await database.db.select().from(activity).where(eq(activity.targetId, o.id));
    const update = entries.find((e) => e.action === "partner_org.updated");
    assert.deepEqual(update?.change, { before: { name: "Before" }, after: { name: "After" } });
  });

  test("deleting an organisation deletes its users with it", async () => {
    const o = await createPartnerOrg(database.db, admin, org("Doomed"));
    await createPartnerUser(database.db, admin, o.id, { email: "u1@doomed.example" });
    await createPartnerUser(database.db, admin, o.id, { email: "u2@doomed.example" });
    await deletePartnerOrg(database.db, admin, o.id);
    const left = await database.db.select().from(partnerUser).where(eq(partnerUser.partnerOrgId, o.id));
    assert.equal(left.length, 0);
    await assert.rejects(getPartnerOrg(database.db, admin, o.id), (e: unknown) => e instanceof DomainError && e.code === "not_found");
    await assert.rejects(deletePartnerOrg(database.db, admin, o.id), (e: unknown) => e instanceof DomainError && e.code === "not_found");
  });

  test("a user of another organisation is not found when deleting", async () => {
    const a = await createPartnerOrg(database.db, admin, org("Del A"));
    const b = await createPartnerOrg(database.db, admin, org("Del B"));
    const u = await createPartnerUser(database.db, admin, a.id, { email: "only@del-a.example" });
    await assert.rejects(deletePartnerUser(database.db, admin, b.id, u.id), (e: unknown) => e instanceof DomainError && e.code === "not_found");
    await deletePartnerUser(database.db, admin, a.id, u.id);
    assert.equal((await listPartnerUsers(database.db, admin, a.id, { limit: 10 })).rows.length, 0);
  });

  test("an admin Viewer can read but not change anything, and nothing is written", async () => {
    const before = await database.db.select({ n: count() }).from(partnerOrg);
    await assert.rejects(createPartnerOrg(database.db, viewer, org("Nope")), (e: unknown) => e instanceof DomainError && e.code === "forbidden");
    const after = await database.db.select({ n: count() }).from(partnerOrg);
    assert.equal(Number(after[0]!.n), Number(before[0]!.n));
  });

  test("a failed change leaves no activity entry", async () => {
    const before = await database.db.select({ n: count() }).from(activity);
    await assert.rejects(createPartnerUser(database.db, admin, "no-such-org", { email: "x@nowhere.example" }));
    const after = await database.db.select({ n: count() }).from(activity);
    assert.equal(Number(after[0]!.n), Number(before[0]!.n));
  });

  test("the activity trail is append-only", async () => {
    await assert.rejects(database.db.execute(sql`update activity set action = 'x'`));
    await assert.rejects(database.db.execute(sql`delete from activity`));
  });

  test("the partners table pages by keyset in both directions, sorted and searched", async () => {
    const names = Array.from({ length: 7 }, (_, i) => `Paging ${String.fromCharCode(71 - i)}`); // G..A
    for (const n of names) await createPartnerOrg(database.db, systemActor, org(n));
    const base = partnersTableSearchSchema.parse({ q: "paging", sort: "name", dir: "asc", size: "10" });
    const all = await listPartnersTable(database.db, admin, base);
    assert.deepEqual(all.rows.map((r) => r.name), [...names].sort());
    assert.equal(all.total.count, 7);

    const walk: string[] = [];
    let page = await listPartnersTable(database.db, admin, { ...base, size: 3 });
    const pages = [page];
    walk.push(...page.rows.map((r) => r.name));
    while (page.nextCursor) {
      page = await listPartnersTable(database.db, admin, { ...base, size: 3, after: page.nextCursor });
      pages.push(page);
      walk.push(...page.rows.map((r) => r.name));
    }
    assert.deepEqual(walk, [...names].sort());
    assert.equal(pages.length, 3);
    assert.equal(pages[0]!.prevCursor, undefined);
    // Back from the last page returns exactly the middle page.
    const back = await listPartnersTable(database.db, admin, { ...base, size: 3, before: pages[2]!.prevCursor });
    assert.deepEqual(back.rows.map((r) => r.name), pages[1]!.rows.map((r) => r.name));
    assert.ok(back.prevCursor && back.nextCursor);

    const desc = await listPartnersTable(database.db, admin, { ...base, dir: "desc", size: 3 });
    const desc2 = await listPartnersTable(database.db, admin, { ...base, dir: "desc", size: 3, after: desc.nextCursor });
    assert.deepEqual([...desc.rows, ...desc2.rows].map((r) => r.name), [...names].sort().reverse().slice(0, 6));
    await assert.rejects(listPartnersTable(database.db, admin, { ...base, after: "garbage!" }), DomainError);
  });

  test("search matches a fragment of the name, an exact ID or an exact Zuora account ID", async () => {
    const o = await createPartnerOrg(database.db, admin, org("Fragmentary Holdings", { zuoraAccountId: "ZQ-99173" }));
    const search = (q: string) => listPartnersTable(database.db, admin, partnersTableSearchSchema.parse({ q }));
    assert.ok((await search("mentary")).rows.some((r) => r.id === o.id));
    assert.ok((await search(o.id)).rows.some((r) => r.id === o.id));
    assert.ok((await search("ZQ-99173")).rows.some((r) => r.id === o.id));
    assert.equal((await search("ZQ-9917")).rows.length, 0);
    assert.equal((await search("100%")).rows.length, 0);
  });
});
