import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { partnerOrg, partnerUser } from "@/db/schema";
import { toApiOrg } from "@/lib/api/mappers";
import type { Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import { listEvents } from "@/lib/events/query";
import { createPartnerOrg, getPartnerOrg } from "@/lib/partners/orgs";
import { isPartnerSuspended, reactivatePartnerOrg, suspendPartnerOrg } from "@/lib/partners/suspension";
import { createPartnerUser } from "@/lib/partners/users";
import { databaseKind, freshDatabase } from "./helpers/db";
import { useTestOutbox } from "./helpers/outbox";
import { drainOutbox } from "./helpers/outbox-run";

useTestOutbox();
const owner: Actor = { kind: "admin", id: "a1", role: "owner", label: "owner@example.com" };
const viewer: Actor = { kind: "admin", id: "a2", role: "viewer", label: "viewer@example.com" };
const api: Actor = { kind: "api_client", id: "c1", label: "API client c1" };

describe(`suspend instead of delete (${databaseKind})`, () => {
  let database: Database;
  before(async () => {
    database = await freshDatabase();
  });
  after(async () => {
    await database.close();
  });

  test("suspending keeps everything, ends the users' sessions, shows status suspended in the API, and is audited and an event; reactivating undoes it", async () => {
    const org = await createPartnerOrg(database.db, owner, { name: "Paused Ltd", zuoraAccountId: "Z1", invoiceOwner: "partner" });
    const user = await createPartnerUser(database.db, owner, org.id, { email: "paused@suspend.example" });
    await assert.rejects(suspendPartnerOrg(database.db, viewer, org.id, "Unpaid"), (e: DomainError) => e.code === "forbidden");
    await assert.rejects(suspendPartnerOrg(database.db, api, org.id, "Unpaid"), (e: DomainError) => e.code === "forbidden");
    const suspended = await suspendPartnerOrg(database.db, owner, org.id, "Unpaid invoices");
    assert.equal(suspended.suspendedReason, "Unpaid invoices");
    assert.equal(await isPartnerSuspended(database.db, org.id), true);
    assert.equal(toApiOrg(suspended).status, "suspended");
    assert.ok(await getPartnerOrg(database.db, owner, org.id), "nothing is deleted");
    const [u] = await database.db.select().from(partnerUser).where(eq(partnerUser.id, user.id));
    assert.equal(u!.sessionVersion, user.sessionVersion + 1, "old sessions end for good");
    await assert.rejects(suspendPartnerOrg(database.db, owner, org.id, "again"), (e: DomainError) => e.code === "conflict");

    const back = await reactivatePartnerOrg(database.db, owner, org.id);
    assert.equal(back.suspendedAt, null);
    assert.equal("status" in toApiOrg(back), false);
    await drainOutbox(database.db);
    const types = (await listEvents(database.db, api, { limit: 500 })).items.filter((e) => e.data.id === org.id).map((e) => [e.type, e.data.status]);
    assert.deepEqual(types, [
      ["partner_organisation.created", undefined],
      ["partner_organisation.suspended", "suspended"],
      ["partner_organisation.reactivated", undefined],
    ]);
    const [row] = await database.db.select().from(partnerOrg).where(eq(partnerOrg.id, org.id));
    assert.equal(row!.suspendedReason, null);
  });
});
