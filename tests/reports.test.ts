import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Database } from "@/db";
import { recordActivity } from "@/lib/activity/record";
import { systemActor, type Actor } from "@/lib/auth/actor";
import { createOrganisation, deleteOrganisation, moveOrganisation } from "@/lib/organisations";
import { createPartnerOrg } from "@/lib/partners/orgs";
import { createPartnerUser } from "@/lib/partners/users";
import { engagement } from "@/lib/reports/engagement";
import { addDays, blocksCovering, resolvePeriod } from "@/lib/reports/period";
import { partnerUsageReport, usageByPartner } from "@/lib/reports/usage";
import { ingestUsage } from "@/lib/usage/ingest";
import { createMetric } from "@/lib/usage/metrics";
import { DomainError } from "@/lib/errors";
import { databaseKind, freshDatabase } from "./helpers/db";

// A day is a UTC date whatever the server's zone: run these far from UTC.
process.env.TZ = "Pacific/Auckland";

/** The fixture's "now": the last second of 31 March 2025, UTC (already 1 April in Auckland). */
const NOW = new Date("2025-03-31T23:59:59.999Z");
const admin: Actor = { kind: "admin", id: "reports", role: "viewer", label: "reports@example.com" };

describe(`usage reports (${databaseKind})`, () => {
  let database: Database;
  let p: { id: string };
  let q: { id: string };
  const o: Record<string, string> = {};
  let n = 0;
  const rec = (org: string, metric: string, date: string, quantity: number) => ({ id: `f-${n++}`, organisationId: o[org], metric, quantity, date });

  before(async () => {
    database = await freshDatabase();
    p = await createPartnerOrg(database.db, systemActor, { name: "Alpha Partner", zuoraAccountId: "ZP", invoiceOwner: "partner" });
    q = await createPartnerOrg(database.db, systemActor, { name: "Beta Partner", zuoraAccountId: "ZQ", invoiceOwner: "partner" });
    for (const [key, name, partner] of [["O1", "Globex", p.id], ["O2", "Acme", p.id], ["O3", "Initech", q.id], ["O4", "Hooli", null]] as const) {
      o[key] = (await createOrganisation(database.db, systemActor, { name, partnerOrgId: partner })).id;
    }
    await createMetric(database.db, systemActor, { key: "gb_transferred", name: "Total GB transferred", unit: "GB", aggregation: "sum" });
    await createMetric(database.db, systemActor, { key: "seats", name: "Seats", unit: "seats", aggregation: "max" });
    await ingestUsage(database.db, systemActor, [
      rec("O1", "gb_transferred", "2025-03-25", 10),
      rec("O1", "gb_transferred", "2025-03-25", 2.5),
      rec("O1", "gb_transferred", "2025-03-31", 4),
      rec("O1", "gb_transferred", "2025-03-24", 100), // the day before "last 7 days"
      rec("O1", "seats", "2025-03-26", 5),
      rec("O1", "seats", "2025-03-27", 9),
      rec("O2", "gb_transferred", "2025-03-31", 1.25),
      rec("O2", "seats", "2025-03-27", 12),
      rec("O2", "seats", "2025-04-01", 50), // the day after
      rec("O3", "gb_transferred", "2025-03-30", 7),
      rec("O4", "gb_transferred", "2025-03-30", 3),
      rec("O4", "seats", "2025-03-30", 2),
    ]);
  });
  after(async () => {
    await database.close();
  });

  const last7 = () => resolvePeriod({ period: "7d" }, NOW);
  /** The series as { metric key: { day: value } }, days without usage left out. */
  const seriesOf = (r: Awaited<ReturnType<typeof usageByPartner>>) =>
    Object.fromEntries(r.metrics.map((m, i) => [m.key, Object.fromEntries(r.series.filter((s) => s.values[i] !== null).map((s) => [s.day, s.values[i]]))]));

  test("periods are UTC dates: last 7 days is today (UTC) and the 6 days before, whatever the server's zone", () => {
    assert.deepEqual({ from: last7().from, to: last7().to, days: last7().days.length }, { from: "2025-03-25", to: "2025-03-31", days: 7 });
    const nextDay = resolvePeriod({ period: "7d" }, new Date("2025-04-01T00:00:00.000Z"));
    assert.deepEqual([nextDay.from, nextDay.to], ["2025-03-26", "2025-04-01"]);
    assert.deepEqual([resolvePeriod({ period: "90d" }, NOW).from, resolvePeriod({ period: "30d" }, NOW).from], ["2025-01-01", "2025-03-02"]);
    assert.equal(resolvePeriod({}, NOW).kind, "30d");
    const custom = resolvePeriod({ period: "custom", from: "2025-02-27", to: "2025-03-01" }, NOW);
    assert.deepEqual(custom.days, ["2025-02-27", "2025-02-28", "2025-03-01"]);
    for (const bad of [{ from: "2025-03-02", to: "2025-03-01" }, { from: "2025-02-30", to: "2025-03-01" }, { from: "2023-01-01", to: "2025-03-01" }, { to: "2025-03-01" }]) {
      const r = resolvePeriod({ period: "custom", ...bad }, NOW);
      assert.equal(r.kind, "30d");
      assert.ok(r.error, JSON.stringify(bad));
    }
  });

  test("a partner's report: its organisations' totals (sum and max) and the daily series, by hand", async () => {
    const r = await partnerUsageReport(database.db, admin, p.id, last7());
    // By name: "Seats", then "Total GB transferred".
    assert.deepEqual(r.metrics.map((m) => m.key), ["seats", "gb_transferred"]);
    const col = (key: string) => r.metrics.findIndex((m) => m.key === key);
    const table = Object.fromEntries(r.rows.map((row) => [row.name, { gb: row.values[col("gb_transferred")], seats: row.values[col("seats")] }]));
    assert.deepEqual(table, { Acme: { gb: 1.25, seats: 12 }, Globex: { gb: 16.5, seats: 9 } });
    assert.deepEqual(r.rows.map((row) => row.name), ["Acme", "Globex"]);
    assert.equal(r.organisations, 2);
    assert.equal(r.series.length, 7);
    assert.deepEqual(seriesOf(r), { gb_transferred: { "2025-03-25": 12.5, "2025-03-31": 5.25 }, seats: { "2025-03-26": 5, "2025-03-27": 12 } });
    const oneDay = await partnerUsageReport(database.db, admin, p.id, resolvePeriod({ period: "custom", from: "2025-03-24", to: "2025-03-24" }, NOW));
    assert.deepEqual(oneDay.rows.map((row) => [row.name, row.values[col("gb_transferred")], row.values[col("seats")]]), [["Globex", 100, null]]);
  });

  test("the portal-wide report: per partner over its organisations, No partner last", async () => {
    const r = await usageByPartner(database.db, admin, last7());
    const col = (key: string) => r.metrics.findIndex((m) => m.key === key);
    assert.deepEqual(
      r.rows.map((row) => [row.id, row.name, row.values[col("gb_transferred")], row.values[col("seats")]]),
      [[p.id, "Alpha Partner", 17.75, 12], [q.id, "Beta Partner", 7, null], [null, "", 3, 2]],
    );
    assert.deepEqual(seriesOf(r), {
      gb_transferred: { "2025-03-25": 12.5, "2025-03-30": 10, "2025-03-31": 5.25 },
      seats: { "2025-03-26": 5, "2025-03-27": 12, "2025-03-30": 2 },
    });
  });

  test("partner users read their own partner's report only; API clients none", async () => {
    const viewer: Actor = { kind: "partner_user", id: "v", partnerOrgId: p.id, role: "viewer", label: "v@example.com" };
    assert.equal((await partnerUsageReport(database.db, viewer, p.id, last7())).rows.length, 2);
    await assert.rejects(partnerUsageReport(database.db, viewer, q.id, last7()), (e: unknown) => e instanceof DomainError && e.code === "forbidden");
    await assert.rejects(usageByPartner(database.db, viewer, last7()), (e: unknown) => e instanceof DomainError && e.code === "forbidden");
    const api: Actor = { kind: "api_client", id: "c", label: "client" };
    await assert.rejects(usageByPartner(database.db, api, last7()), (e: unknown) => e instanceof DomainError && e.code === "forbidden");
  });

  test("usage follows an organisation that moves: the new partner's report has its history, the old one's not", async () => {
    await moveOrganisation(database.db, systemActor, o.O2!, q.id);
    try {
      const before = await partnerUsageReport(database.db, admin, p.id, last7());
      const after = await partnerUsageReport(database.db, admin, q.id, last7());
      assert.deepEqual(before.rows.map((r) => r.name), ["Globex"]);
      assert.deepEqual(after.rows.map((r) => r.name), ["Acme", "Initech"]);
      const seats = after.metrics.findIndex((m) => m.key === "seats");
      assert.equal(after.rows[0]!.values[seats], 12);
      // Acme set Alpha's peak on 27 March (12 against Globex's 9): it leaves with Acme.
      assert.deepEqual(seriesOf(before).seats, { "2025-03-26": 5, "2025-03-27": 9 });
      assert.deepEqual(seriesOf(before).gb_transferred, { "2025-03-25": 12.5, "2025-03-31": 4 });
      assert.deepEqual(seriesOf(after).seats, { "2025-03-27": 12 });
      assert.deepEqual(seriesOf(after).gb_transferred, { "2025-03-30": 7, "2025-03-31": 1.25 });
      // To "No partner" and back: the portal-wide report follows too.
      await moveOrganisation(database.db, systemActor, o.O2!, null);
      const all = await usageByPartner(database.db, admin, last7());
      assert.deepEqual(all.rows.map((r) => [r.name, r.values]), [["Alpha Partner", [9, 16.5]], ["Beta Partner", [null, 7]], ["", [12, 4.25]]]);
    } finally {
      await moveOrganisation(database.db, systemActor, o.O2!, p.id);
    }
    assert.deepEqual(seriesOf(await partnerUsageReport(database.db, admin, p.id, last7())).seats, { "2025-03-26": 5, "2025-03-27": 12 });
  });

  test("a deleted organisation's usage leaves its partner's report", async () => {
    const before = await partnerUsageReport(database.db, admin, p.id, last7());
    const extra = await createOrganisation(database.db, systemActor, { name: "Transient", partnerOrgId: p.id });
    o.O5 = extra.id;
    await ingestUsage(database.db, systemActor, [rec("O5", "seats", "2025-03-26", 40), rec("O5", "gb_transferred", "2025-03-26", 1)]);
    const during = await partnerUsageReport(database.db, admin, p.id, last7());
    assert.equal(seriesOf(during).seats!["2025-03-26"], 40);
    await deleteOrganisation(database.db, systemActor, extra.id);
    const after = await partnerUsageReport(database.db, admin, p.id, last7());
    assert.deepEqual({ rows: after.rows, series: after.series }, { rows: before.rows, series: before.series });
  });

  test("the roll-up blocks tile any period exactly, a 90-day one in few blocks", () => {
    const sizes = [1, 4, 16, 64];
    for (let i = 0; i < 300; i++) {
      const from = addDays("2024-01-01", (i * 37) % 700);
      const to = addDays(from, (i * 13) % 366);
      const blocks = blocksCovering(from, to);
      let next = from;
      for (const b of blocks) {
        assert.equal(b.start, next);
        const offset = (Date.parse(b.start) - Date.parse("2000-01-01")) / 86_400_000;
        assert.equal(offset % sizes[b.level]!, 0, "aligned");
        next = addDays(b.start, sizes[b.level]!);
      }
      assert.equal(next, addDays(to, 1));
      if ((i * 13) % 366 < 90) assert.ok(blocks.length <= 20, `${from}..${to}: ${blocks.length} blocks`);
    }
  });

  test("engagement: partners and users by status, invitations, sign-ins per week, members active in 30 days", async () => {
    const user = await createPartnerUser(database.db, systemActor, p.id, { email: "engaged@alpha.example", role: "admin" });
    await recordActivity(database.db, { kind: "partner_user", id: user.id, partnerOrgId: p.id, role: "admin", label: "engaged@alpha.example" }, {
      action: "partner_user.signed_in",
      targetKind: "partner_user",
      targetId: user.id,
      partnerOrgId: p.id,
    });
    const period = resolvePeriod({ period: "7d" });
    const all = await engagement(database.db, admin, period);
    assert.deepEqual(all.partnersByStatus, [{ status: "approved", count: 2 }]);
    assert.deepEqual(all.usersByStatus, [{ status: "invited", count: 1 }]);
    assert.equal(all.invitationsSent, 1);
    assert.equal(all.invitationsAccepted, 0);
    assert.equal(all.signInsPerWeek.reduce((s, w) => s + w.count, 0), 1);
    assert.ok(all.signInsPerWeek.every((w) => new Date(`${w.week}T00:00:00Z`).getUTCDay() === 1), "weeks start on Monday");
    assert.equal(all.activeLast30Days, 0);
    const ofQ = await engagement(database.db, admin, period, q.id);
    assert.equal(ofQ.invitationsSent + ofQ.signInsPerWeek.reduce((s, w) => s + w.count, 0), 0);
    const longAgo = await engagement(database.db, admin, resolvePeriod({ period: "7d" }, NOW));
    assert.equal(longAgo.invitationsSent, 0);
  });
});
