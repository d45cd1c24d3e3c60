import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import { rowsOf, type Database } from "@/db";
import { systemActor, type Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import { createOrganisation } from "@/lib/organisations";
import { ingestUsage } from "@/lib/usage/ingest";
import { createMetric, deleteMetric, listMetrics, updateMetric } from "@/lib/usage/metrics";
import { createMetricSchema } from "@/lib/validations/usage-metric";
import { databaseKind, freshDatabase } from "./helpers/db";

const owner: Actor = { kind: "admin", id: "o", role: "owner", label: "owner@example.com" };
const viewer: Actor = { kind: "admin", id: "v", role: "viewer", label: "viewer@example.com" };
const code = (c: DomainError["code"]) => (e: unknown) => e instanceof DomainError && e.code === c;

describe(`usage metrics (${databaseKind})`, () => {
  let database: Database;
  before(async () => {
    database = await freshDatabase();
  });
  after(async () => {
    await database.close();
  });

  test("the key is lowercase snake case", () => {
    for (const key of ["gb_transferred", "seats", "a1_b2"]) assert.ok(createMetricSchema.safeParse({ key, name: "N", unit: "U", aggregation: "sum" }).success, key);
    for (const key of ["GB", "1gb", "gb-transferred", "gb transferred", "_gb", "", "a".repeat(64)]) {
      assert.ok(!createMetricSchema.safeParse({ key, name: "N", unit: "U", aggregation: "sum" }).success, key);
    }
  });

  test("Owners and Admins add metrics, audited; Viewers read only; a key is unique", async () => {
    const m = await createMetric(database.db, owner, { key: "gb_transferred", name: "Total GB transferred", unit: "GB", aggregation: "sum" });
    await assert.rejects(createMetric(database.db, viewer, { key: "other", name: "Other", unit: "x", aggregation: "sum" }), code("forbidden"));
    await assert.rejects(createMetric(database.db, owner, { key: "gb_transferred", name: "Again", unit: "GB", aggregation: "max" }), (e: unknown) => {
      assert.ok(e instanceof DomainError && e.code === "conflict");
      assert.match((e as DomainError).fieldErrors.key![0]!, /already exists/);
      return true;
    });
    assert.deepEqual((await listMetrics(database.db, viewer)).map((x) => [x.key, x.hasUsage]), [["gb_transferred", false]]);
    const [audit] = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from activity where action = 'usage_metric.created' and target_id = ${m.id}`));
    assert.equal(Number(audit!.n), 1);
  });

  test("without usage everything may change and the metric may be deleted; with usage only name and unit, and no delete", async () => {
    const m = await createMetric(database.db, owner, { key: "seats", name: "Seats", unit: "seats", aggregation: "sum" });
    const renamed = await updateMetric(database.db, owner, { id: m.id, key: "peak_seats", name: "Peak seats", unit: "seats", aggregation: "max" });
    assert.deepEqual([renamed.key, renamed.aggregation], ["peak_seats", "max"]);
    const org = await createOrganisation(database.db, systemActor, { name: "Globex", partnerOrgId: null });
    await ingestUsage(database.db, systemActor, [{ id: "m-1", organisationId: org.id, metric: "peak_seats", quantity: 3, date: "2026-01-01" }]);
    assert.equal((await listMetrics(database.db, owner)).find((x) => x.id === m.id)!.hasUsage, true);
    const named = await updateMetric(database.db, owner, { id: m.id, key: "peak_seats", name: "Peak seats in use", unit: "users", aggregation: "max" });
    assert.deepEqual([named.name, named.unit], ["Peak seats in use", "users"]);
    await assert.rejects(updateMetric(database.db, owner, { id: m.id, key: "seats", name: "Peak seats", unit: "users", aggregation: "max" }), code("conflict"));
    await assert.rejects(updateMetric(database.db, owner, { id: m.id, key: "peak_seats", name: "Peak seats", unit: "users", aggregation: "sum" }), code("conflict"));
    await assert.rejects(deleteMetric(database.db, owner, m.id), code("conflict"));
    await assert.rejects(deleteMetric(database.db, viewer, m.id), code("forbidden"));
    const unused = await createMetric(database.db, owner, { key: "unused", name: "Unused", unit: "x", aggregation: "sum" });
    await deleteMetric(database.db, owner, unused.id);
    assert.ok(!(await listMetrics(database.db, owner)).some((x) => x.id === unused.id));
    await assert.rejects(deleteMetric(database.db, owner, unused.id), code("not_found"));
  });
});
