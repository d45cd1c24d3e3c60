import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import { rowsOf, type Database } from "@/db";
import { GET as openapiRoute } from "@/app/api/openapi.json/route";
import { POST as ingestRoute } from "@/app/api/partner-management/usage/route";
import { systemActor } from "@/lib/auth/actor";
import { createOrganisation } from "@/lib/organisations";
import { createPartnerOrg } from "@/lib/partners/orgs";
import { createMetric } from "@/lib/usage/metrics";
import { utcDay } from "@/lib/validations/usage";
import { databaseKind } from "./helpers/db";
import { call, setupApi } from "./helpers/api";

const PATH = "/partner-management/usage";

describe(`usage ingestion over the API (${databaseKind})`, () => {
  let database: Database;
  let token: string;
  let orgA: string;
  let orgB: string;
  let run = 0;
  before(async () => {
    ({ database, token } = await setupApi());
    const partner = await createPartnerOrg(database.db, systemActor, { name: "Usage Partner", zuoraAccountId: "ZU", invoiceOwner: "partner" });
    orgA = (await createOrganisation(database.db, systemActor, { name: "Globex", partnerOrgId: partner.id })).id;
    orgB = (await createOrganisation(database.db, systemActor, { name: "Initech", partnerOrgId: null })).id;
    await createMetric(database.db, systemActor, { key: "gb_transferred", name: "Total GB transferred", unit: "GB", aggregation: "sum" });
    await createMetric(database.db, systemActor, { key: "seats", name: "Seats", unit: "seats", aggregation: "max" });
  });
  after(async () => {
    await database.close();
  });
  beforeEach(() => {
    run++;
  });

  const send = (body: unknown, opts: { rawBody?: string } = {}) => call(ingestRoute, { method: "POST", path: PATH, token, body: opts.rawBody ? undefined : body, rawBody: opts.rawBody });
  const record = (i: number, over: Record<string, unknown> = {}) => ({ id: `r${run}-${i}`, organisationId: orgA, metric: "gb_transferred", quantity: 1.5, date: "2026-01-10", ...over });
  const stored = async () => {
    const [r] = rowsOf<{ records: number; daily: string | null; rolled: number | null }>(
      await database.db.execute(sql`select (select count(*)::int from usage_record) as records, (select sum(total)::text from usage_daily) as daily, (select sum(records)::int from usage_daily) as rolled`),
    );
    return { records: Number(r!.records), total: Number(r!.daily ?? 0), rolled: Number(r!.rolled ?? 0) };
  };

  test("stores records and rolls them up by organisation, day and metric (sum and max)", async () => {
    const before = await stored();
    const res = await send({
      records: [
        record(1, { quantity: 12.5 }),
        record(2, { quantity: 0.25 }),
        record(3, { metric: "seats", quantity: 7 }),
        record(4, { metric: "seats", quantity: 3 }),
        record(5, { organisationId: orgB, date: "2026-01-11", quantity: 2 }),
      ],
    });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body, { accepted: 5, duplicates: 0 });
    const daily = rowsOf<{ org: string; day: string; key: string; total: string; peak: string; records: number }>(
      await database.db.execute(sql`
        select d.customer_org_id as org, d.day::text as day, m.key, d.total::text as total, d.peak::text as peak, d.records
        from usage_daily d join usage_metric m on m.id = d.metric_id where d.day in ('2026-01-10', '2026-01-11') order by 1, 2, 3`),
    ).map((r) => ({ ...r, total: Number(r.total), peak: Number(r.peak), records: Number(r.records) }));
    const expect = [
      { org: orgA, day: "2026-01-10", key: "gb_transferred", total: 12.75, peak: 12.5, records: 2 },
      { org: orgA, day: "2026-01-10", key: "seats", total: 10, peak: 7, records: 2 },
      { org: orgB, day: "2026-01-11", key: "gb_transferred", total: 2, peak: 2, records: 1 },
    ].sort((x, y) => x.org.localeCompare(y.org) || x.day.localeCompare(y.day) || x.key.localeCompare(y.key));
    assert.deepEqual(daily, expect);
    assert.equal((await stored()).records, before.records + 5);
    const [audit] = rowsOf<{ change: { accepted: number } }>(await database.db.execute(sql`select change from activity where action = 'usage.ingested' order by id desc limit 1`));
    assert.equal(audit!.change.accepted, 5);
  });

  test("idempotent: a retried request counts nothing twice; a repeated id within a request is a duplicate", async () => {
    const body = { records: [record(1), record(2), record(1)] };
    const first = await send(body);
    assert.deepEqual(first.body, { accepted: 2, duplicates: 1 });
    const mid = await stored();
    const again = await send(body);
    assert.equal(again.status, 200);
    assert.deepEqual(again.body, { accepted: 0, duplicates: 3 });
    assert.deepEqual(await stored(), mid);
  });

  test("two identical requests at once store the records once", async () => {
    const body = { records: Array.from({ length: 200 }, (_, i) => record(i, { quantity: 1 })) };
    const before = await stored();
    const results = await Promise.all([send(body), send(body), send(body)]);
    for (const r of results) assert.equal(r.status, 200, r.text);
    assert.equal(results.reduce((s, r) => s + r.body.accepted, 0), 200);
    assert.equal(results.reduce((s, r) => s + r.body.duplicates, 0), 400);
    const after = await stored();
    assert.equal(after.records - before.records, 200);
    assert.equal(after.rolled - before.rolled, 200);
    assert.equal(Math.round((after.total - before.total) * 1e6) / 1e6, 200);
  });

  test("one bad record: 400 listing each failing record by index and why, and nothing of the request stored", async () => {
    const before = await stored();
    const res = await send({
      records: [
        record(0),
        record(1, { metric: "unknown_metric" }),
        record(2, { organisationId: "no-such-org" }),
        record(3, { quantity: -1 }),
        record(4, { quantity: "12" }),
        record(5, { quantity: 1.1234567 }),
        record(6, { quantity: 1e13 }),
        record(7, { date: "2026-02-30" }),
        record(8, { date: utcDay(5) }),
        record(9, { date: "20-01-2026" }),
        record(10, { id: "" }),
        "not a record",
        record(12),
      ],
    });
    assert.equal(res.status, 400, res.text);
    assert.match(res.body.message, /11 of 13 usage records are not valid; nothing was stored/);
    const byIndex = new Map(res.body.errors.map((e: { index: number; message: string }) => [e.index, e.message]));
    assert.deepEqual([...byIndex.keys()], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    assert.match(byIndex.get(1) as string, /no usage metric has the key "unknown_metric"/);
    assert.match(byIndex.get(2) as string, /no customer organisation has this id/);
    assert.match(byIndex.get(3) as string, /must not be negative/);
    assert.match(byIndex.get(4) as string, /must be a number/);
    assert.match(byIndex.get(5) as string, /at most 6 decimal places/);
    assert.match(byIndex.get(6) as string, /at most 999,999,999,999/);
    assert.match(byIndex.get(7) as string, /real calendar date/);
    assert.match(byIndex.get(8) as string, /not be in the future/);
    assert.match(byIndex.get(9) as string, /YYYY-MM-DD/);
    assert.match(byIndex.get(10) as string, /id/);
    assert.equal(res.body.errors[0].id, `r${run}-1`);
    assert.deepEqual(await stored(), before);
  });

  test("NaN and Infinity are not JSON numbers: the body is refused as not valid JSON", async () => {
    for (const q of ["NaN", "Infinity", "-Infinity"]) {
      const res = await send(undefined, { rawBody: `{"records":[{"id":"x${q}","organisationId":"${orgA}","metric":"seats","quantity":${q},"date":"2026-01-01"}]}` });
      assert.equal(res.status, 400);
      assert.match(res.body.message, /not valid JSON/);
    }
  });

  test("exactly 1,000 records are accepted; 1,001 are refused with 400 and nothing stored", async () => {
    const thousand = Array.from({ length: 1000 }, (_, i) => record(i, { id: `r${run}-${"x".repeat(150)}-${i}`, quantity: 0.5 }));
    const ok = await send({ records: thousand });
    assert.equal(ok.status, 200, ok.text.slice(0, 200));
    assert.deepEqual(ok.body, { accepted: 1000, duplicates: 0 });
    const before = await stored();
    const tooMany = await send({ records: [...thousand.map((r) => ({ ...r, id: `${r.id}-b` })), record(5000)] });
    assert.equal(tooMany.status, 400);
    assert.match(tooMany.body.message, /at most 1,000 records/);
    assert.deepEqual(await stored(), before);
  });

  test("a body over 1 MB is 413; an empty list and a missing list are 400", async () => {
    const huge = await send(undefined, { rawBody: JSON.stringify({ records: [record(0, { id: "y".repeat(1024 * 1024) })] }) });
    assert.equal(huge.status, 413);
    assert.equal((await send({ records: [] })).status, 400);
    assert.equal((await send({})).status, 400);
  });

  test("without a valid token: 401", async () => {
    const res = await call(ingestRoute, { method: "POST", path: PATH, token: null, body: { records: [record(0)] } });
    assert.equal(res.status, 401);
  });

  test("documented in the OpenAPI document under its own tag, with the response shapes", async () => {
    const doc: any = await (await openapiRoute()).json();
    const op = doc.paths[PATH].post;
    assert.equal(op.operationId, "ingestUsage");
    assert.deepEqual(op.tags, ["Usage"]);
    assert.ok(doc.tags.some((t: { name: string }) => t.name === "Usage"));
    assert.deepEqual(Object.keys(op.responses["200"].content["application/json"].schema.properties), ["accepted", "duplicates"]);
    assert.ok(op.responses["400"].content["application/json"].schema.properties.errors);
    assert.equal(op.requestBody.content["application/json"].schema.properties.records.maxItems, 1000);
  });
});
