import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { partnerUser } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import { changePartnerUserRole, removePartnerMember } from "@/lib/partners/members";
import { createPartnerOrg, getPartnerOrg } from "@/lib/partners/orgs";
import { createPartnerUser, listPartnerUsers } from "@/lib/partners/users";
import { databaseKind, freshDatabase } from "./helpers/db";
import { useTestOutbox } from "./helpers/outbox";

useTestOutbox();
const admin: Actor = { kind: "admin", id: "a1", role: "owner", label: "owner@example.com" };
const refused = (code: DomainError["code"]) => (e: unknown) => e instanceof DomainError && e.code === code;

describe(`partner team management (${databaseKind})`, () => {
  let database: Database;
  let orgA: string;
  let orgB: string;
  let aAdmin: Actor;
  let aViewer: Actor;
  let aMaintainer: Actor;
  let bUserId: string;
  before(async () => {
    database = await freshDatabase();
    const org = (name: string) => createPartnerOrg(database.db, admin, { name, zuoraAccountId: `Z-${name}`, invoiceOwner: "partner" });
    orgA = (await org("Team A")).id;
    orgB = (await org("Team B")).id;
    const as = (u: { id: string; role: "viewer" | "maintainer" | "admin"; email: string }, orgId: string): Actor => ({
      kind: "partner_user", id: u.id, partnerOrgId: orgId, role: u.role, label: u.email,
    });
    aAdmin = as(await createPartnerUser(database.db, admin, orgA, { email: "admin@team-a.example" }), orgA);
    aViewer = as(await createPartnerUser(database.db, admin, orgA, { email: "viewer@team-a.example" }), orgA);
    aMaintainer = as(await createPartnerUser(database.db, admin, orgA, { email: "maint@team-a.example", role: "maintainer" }), orgA);
    bUserId = (await createPartnerUser(database.db, admin, orgB, { email: "admin@team-b.example" })).id;
  });
  after(async () => {
    await database.close();
  });

  test("a partner Admin invites a teammate with a role; the email stays unique across partners", async () => {
    const u = await createPartnerUser(database.db, aAdmin, orgA, { email: "new@team-a.example", role: "maintainer" });
    assert.equal(u.role, "maintainer");
    await assert.rejects(createPartnerUser(database.db, aAdmin, orgA, { email: "ADMIN@team-b.example" }), refused("conflict"));
  });

  test("Viewers and Maintainers cannot invite, change roles or remove members", async () => {
    for (const actor of [aViewer, aMaintainer]) {
      await assert.rejects(createPartnerUser(database.db, actor, orgA, { email: `x-${actor.label}` }), refused("forbidden"));
      await assert.rejects(changePartnerUserRole(database.db, actor, orgA, aAdmin.kind === "partner_user" ? aAdmin.id : "", "viewer"), refused("forbidden"));
      await assert.rejects(removePartnerMember(database.db, actor, orgA, "id" in aAdmin ? aAdmin.id : ""), refused("forbidden"));
    }
  });

  test("a partner user never reaches another organisation", async () => {
    await assert.rejects(getPartnerOrg(database.db, aAdmin, orgB), refused("forbidden"));
    await assert.rejects(listPartnerUsers(database.db, aAdmin, orgB, { limit: 10 }), refused("forbidden"));
    await assert.rejects(createPartnerUser(database.db, aAdmin, orgB, { email: "sneaky@team-b.example" }), refused("forbidden"));
    await assert.rejects(changePartnerUserRole(database.db, aAdmin, orgB, bUserId, "viewer"), refused("forbidden"));
    // A user of B addressed through A's org id is "not found".
    await assert.rejects(changePartnerUserRole(database.db, aAdmin, orgA, bUserId, "viewer"), refused("not_found"));
    await assert.rejects(removePartnerMember(database.db, aAdmin, orgA, bUserId), refused("not_found"));
    const [b] = await database.db.select().from(partnerUser).where(eq(partnerUser.id, bUserId));
    assert.equal(b!.role, "admin");
  });

  test("roles change with an audit entry; the last Admin cannot be demoted and nobody removes themselves", async () => {
    const viewerId = "id" in aViewer ? aViewer.id : "";
    const changed = await changePartnerUserRole(database.db, aAdmin, orgA, viewerId, "admin");
    assert.equal(changed.role, "admin");
    await changePartnerUserRole(database.db, aAdmin, orgA, viewerId, "viewer");
    const adminId = "id" in aAdmin ? aAdmin.id : "";
    await assert.rejects(changePartnerUserRole(database.db, aAdmin, orgA, adminId, "viewer"), refused("conflict"));
    await assert.rejects(removePartnerMember(database.db, aAdmin, orgA, adminId), refused("conflict"));
    await removePartnerMember(database.db, aAdmin, orgA, viewerId);
    const rows = await database.db.select().from(partnerUser).where(eq(partnerUser.id, viewerId));
    assert.equal(rows.length, 0);
  });

  test("two Admins removing each other at once leave exactly one Admin", async () => {
    const org = await createPartnerOrg(database.db, admin, { name: "Race Org", zuoraAccountId: "Z-race", invoiceOwner: "partner" });
    const one = await createPartnerUser(database.db, admin, org.id, { email: "one@race.example", role: "admin" });
    const two = await createPartnerUser(database.db, admin, org.id, { email: "two@race.example", role: "admin" });
    const as = (u: { id: string; email: string }): Actor => ({ kind: "partner_user", id: u.id, partnerOrgId: org.id, role: "admin", label: u.email });
    const results = await Promise.allSettled([
      removePartnerMember(database.db, as(one), org.id, two.id),
      removePartnerMember(database.db, as(two), org.id, one.id),
    ]);
    assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
    const refusal = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    assert.ok(refused("conflict")(refusal.reason), String(refusal.reason));
    const left = await database.db.select().from(partnerUser).where(eq(partnerUser.partnerOrgId, org.id));
    assert.deepEqual(left.map((u) => u.role), ["admin"]);
  });
});
