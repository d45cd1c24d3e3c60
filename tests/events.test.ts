import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { asc, count } from "drizzle-orm";
import { openDatabase, type Database } from "@/db";
import { activity, event, mailOutbox } from "@/db/schema";
import { changeAdminRole, inviteAdmin, removeAdmin } from "@/lib/admins/admins";
import { createApiClient, revokeApiClient } from "@/lib/api-clients/api-clients";
import { toApiOrg, toApiUser } from "@/lib/api/mappers";
import type { Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import { listEvents } from "@/lib/events/query";
import { sequenceEvents } from "@/lib/events/sequencer";
import { changePartnerUserRole } from "@/lib/partners/members";
import { createPartnerOrg, deletePartnerOrg, getPartnerOrg, updatePartnerOrg } from "@/lib/partners/orgs";
import { createPartnerUser, deletePartnerUser } from "@/lib/partners/users";
import { setPasswordWithToken } from "@/lib/password-links/links";
import { databaseKind, freshDatabase } from "./helpers/db";
import { linksTo, tokenOf, useTestOutbox } from "./helpers/outbox";
import { drainOutbox } from "./helpers/outbox-run";

const outbox = useTestOutbox();
const owner: Actor = { kind: "admin", id: "a1", role: "owner", label: "owner@example.com" };
const api: Actor = { kind: "api_client", id: "c1", label: "API client c1" };
const org = (name: string) => ({ name, zuoraAccountId: `Z-${name}`, invoiceOwner: "partner" as const });

describe(`events outbox (${databaseKind})`, () => {
  let database: Database & { url?: string };
  before(async () => {
    database = await freshDatabase();
  });
  after(async () => {
    await database.close();
  });
  const allEvents = async () => {
    await drainOutbox(database.db);
    const items = [];
    let queryMore: string | undefined;
    do {
      const page = await listEvents(database.db, api, { limit: 7, queryMore });
      items.push(...page.items);
      queryMore = page.queryMore;
    } while (queryMore);
    return items;
  };

  test("every audited change writes its event in its transaction, with the resource as the REST API shows it", async () => {
    const start = (await allEvents()).length;
    const o = await createPartnerOrg(database.db, owner, org("Events Ltd"));
    const updated = await updatePartnerOrg(database.db, owner, o.id, { name: "Events Limited" });
    const u = await createPartnerUser(database.db, owner, o.id, { email: "first@events.example" });
    const second = await createPartnerUser(database.db, owner, o.id, { email: "second@events.example" });
    const promoted = await changePartnerUserRole(database.db, owner, o.id, second.id, "admin");
    await drainOutbox(database.db);
    await setPasswordWithToken(database.db, tokenOf(linksTo(outbox, "first@events.example", "invite")[0]!), "invite", "a-long-password-123");
    await deletePartnerUser(database.db, owner, o.id, second.id);
    const client = await createApiClient(database.db, owner, { name: "Billing" });
    await revokeApiClient(database.db, owner, client.client.id);
    const { admin } = await inviteAdmin(database.db, owner, { email: "new.admin@events.example", role: "viewer" });
    await changeAdminRole(database.db, owner, admin.id, "admin");
    await removeAdmin(database.db, owner, admin.id);
    await deletePartnerOrg(database.db, owner, o.id);

    const events = (await allEvents()).slice(start);
    assert.deepEqual(
      events.map((e) => e.type),
      [
        "partner_organisation.created",
        "partner_organisation.updated",
        "partner_user.created",
        "partner_user.invited",
        "partner_user.created",
        "partner_user.invited",
        "partner_user.updated",
        "partner_user.activated",
        "partner_user.deleted",
        "api_client.created",
        "api_client.revoked",
        "admin.created",
        "admin.role_changed",
        "admin.removed",
        // Deleting an organisation deletes its users: a mirror hears of each, then of the organisation.
        "partner_user.deleted",
        "partner_organisation.deleted",
      ],
    );
    assert.deepEqual(events[0]!.data, { ...toApiOrg(updated), name: "Events Ltd", modified: events[0]!.data.modified });
    assert.deepEqual(events[1]!.data, toApiOrg(updated));
    assert.deepEqual(events[2]!.data, toApiUser(u));
    assert.equal(events[6]!.data.partner_org, o.id, "the partner's id on everything of a partner");
    assert.equal(events[6]!.data.modified, promoted.modified.toISOString());
    assert.deepEqual(events.at(-2)!.data.id, u.id);
    for (const e of events) {
      assert.match(e.id, /^[0-9a-f-]{36}$/);
      assert.ok(!Number.isNaN(Date.parse(e.timestamp)));
      assert.ok(!JSON.stringify(e.data).includes("secret") && !JSON.stringify(e.data).includes("$argon2"), "no secret in an event");
    }
    assert.equal(events[9]!.data.id, client.client.id);
    assert.equal((events[12]!.data.data as { role: string }).role, "admin");
  });

  test("a rolled-back change writes no event and queues no mail", async () => {
    const before = (await allEvents()).length;
    const [{ n: mailsBefore }] = (await database.db.select({ n: count() }).from(mailOutbox)) as [{ n: number }];
    const o = await createPartnerOrg(database.db, owner, org("Rollback Ltd"));
    await createPartnerUser(database.db, owner, o.id, { email: "taken@events.example" });
    await assert.rejects(createPartnerUser(database.db, owner, o.id, { email: "TAKEN@events.example" }), DomainError);
    await assert.rejects(
      database.db.transaction(async (tx) => {
        await createPartnerUser(tx as never, owner, o.id, { email: "never@events.example" });
        throw new Error("rolled back");
      }),
      /rolled back/,
    );
    const after = await allEvents();
    assert.equal(after.length - before, 3, "org created, user created and invited: nothing of the failed or rolled-back ones");
    const [{ n: mailsAfter }] = (await database.db.select({ n: count() }).from(mailOutbox)) as [{ n: number }];
    assert.equal(Number(mailsAfter) - Number(mailsBefore), 1);
    assert.deepEqual(linksTo(outbox, "never@events.example", "invite"), [], "a rolled-back change mails no dead link");
  });

  test("events are in the same order as the audit trail, per resource and overall", async () => {
    const o = await createPartnerOrg(database.db, owner, org("Order Ltd"));
    // Concurrent changes of one organisation queue on its row lock; their events keep that order.
    await Promise.all(Array.from({ length: 8 }, (_, i) => updatePartnerOrg(database.db, owner, o.id, { name: `Order ${i}` })));
    await Promise.all(Array.from({ length: 6 }, (_, i) => createPartnerUser(database.db, owner, o.id, { email: `order${i}@events.example` })));
    await drainOutbox(database.db);
    const rows = await database.db
      .select({ seq: event.seq, activityId: event.activityId, resourceId: event.resourceId, data: event.data })
      .from(event)
      .orderBy(asc(event.seq));
    const audit = (await database.db.select({ id: activity.id }).from(activity).orderBy(asc(activity.id))).map((r) => r.id);
    const position = new Map(audit.map((id, i) => [id, i]));
    const orderOfEvents = rows.map((r) => position.get(r.activityId!)!);
    assert.deepEqual(orderOfEvents, [...orderOfEvents].sort((a, b) => a - b), "events follow the audit trail");
    const names = rows.filter((r) => r.resourceId === o.id).map((r) => (r.data as { name: string }).name);
    assert.equal(names.at(-1), (await getPartnerOrg(database.db, owner, o.id)).name, "the last event shows the organisation as it is");
    assert.deepEqual(rows.map((r) => r.seq), rows.map((_, i) => i + 1), "seq has no gaps");
  });

  test("the events API pages with limit and queryMore and resumes after an event id; bad cursors are clear errors", async () => {
    const all = await allEvents();
    const first = await listEvents(database.db, api, { limit: 2 });
    assert.deepEqual(first.items.map((e) => e.id), all.slice(0, 2).map((e) => e.id));
    const resumed = await listEvents(database.db, api, { limit: 500, after: all[4]!.id });
    assert.deepEqual(resumed.items.map((e) => e.id), all.slice(5).map((e) => e.id));
    assert.equal(resumed.queryMore, undefined);
    await assert.rejects(listEvents(database.db, api, { limit: 5, after: "nope" }), /after must be the id of an event/);
    await assert.rejects(listEvents(database.db, api, { limit: 5, queryMore: "bad!" }), /queryMore/);
    await assert.rejects(listEvents(database.db, owner, { limit: 5 }), DomainError, "portal admins use the app, not this feed");
  });

  if (databaseKind === "postgres") {
    test("an event that commits late is numbered after the ones already read, never skipped", async () => {
      const o = await createPartnerOrg(database.db, owner, org("Late Ltd"));
      await drainOutbox(database.db);
      const seen = (await allEvents()).at(-1)!.id;
      const other = await openDatabase({ url: database.url!, max: 2 });
      try {
        let release!: () => void;
        const held = new Promise<void>((r) => (release = r));
        let started!: () => void;
        const inserted = new Promise<void>((r) => (started = r));
        const slow = other.db.transaction(async (tx) => {
          await updatePartnerOrg(tx as never, owner, o.id, { name: "Late (slow)" });
          started();
          await held;
        });
        await inserted;
        const fast = await createPartnerOrg(database.db, owner, org("Fast Ltd"));
        assert.ok(await sequenceEvents(database.db) >= 1);
        const mid = await listEvents(database.db, api, { limit: 500, after: seen });
        assert.deepEqual(mid.items.map((e) => e.data.id), [fast.id], "only the committed event");
        release();
        await slow;
        await sequenceEvents(database.db);
        const later = await listEvents(database.db, api, { limit: 500, after: mid.items.at(-1)!.id });
        assert.deepEqual(later.items.map((e) => e.data.name), ["Late (slow)"], "the late one comes after, not lost");
      } finally {
        await other.close();
      }
    });
  }
});
