/**
 * The reports benchmark (issue 13): a partner with 1,000 customer organisations and 10M stored
 * usage records (two metrics, a sum and a max, every organisation every day for a year: about 14
 * records per organisation, metric and day, 730,000 daily roll-ups). Times the partner report over
 * the last 90 days (the table and the daily series: what the Reports page and its CSV read), the
 * same over 7 days, the portal-wide report per partner, and a 1,000-record ingestion, each called
 * through the app's own data functions on PostgreSQL. Prints one JSON line per scenario.
 *
 *   npm run bench:reports                                 # seeds pm_bench_reports once (a few minutes)
 *   npm run bench:reports -- --records 1000000 --runs 20  # smaller
 *
 * BENCH_REPORTS_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/pm_bench_reports) is
 * dropped and re-seeded when it holds a different data set. Kept apart from scripts/bench.ts (the
 * REST hot path), which runs it at its end.
 */
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { openDatabase, rowsOf, type Db } from "@/db";
import { systemActor, type Actor } from "@/lib/auth/actor";
import { resolvePeriod } from "@/lib/reports/period";
import { partnerUsageReport, usageByPartner } from "@/lib/reports/usage";
import { ingestUsage } from "@/lib/usage/ingest";

const { values: args } = parseArgs({
  options: {
    orgs: { type: "string", default: "1000" },
    records: { type: "string", default: "10000000" },
    days: { type: "string", default: "365" },
    runs: { type: "string", default: "40" },
  },
});
const ORGS = Number(args.orgs);
const RECORDS = Number(args.records);
const DAYS = Number(args.days);
const RUNS = Number(args.runs);
const DB_URL = process.env.BENCH_REPORTS_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/pm_bench_reports";
const MARK = `orgs=${ORGS} records=${RECORDS} days=${DAYS}`;
const PARTNER = "bench-partner";

async function recreate(): Promise<void> {
  const dbName = new URL(DB_URL).pathname.slice(1);
  const server = new URL(DB_URL);
  server.pathname = "/postgres";
  const admin = postgres(server.toString(), { max: 1, onnotice: () => {} });
  await admin`drop database if exists ${admin(dbName)} with (force)`;
  await admin`create database ${admin(dbName)}`;
  await admin.end();
}

async function mark(db: Db, key: string): Promise<string | undefined> {
  const rows = rowsOf<{ value: string }>(await db.execute(sql`select value from app_setting where key = ${key}`).catch(() => []));
  return rows[0]?.value;
}

/** Set-based, in the database: organisations, two metrics, the records a million at a time, then the roll-ups from them. */
async function seed(db: Db): Promise<void> {
  const t0 = performance.now();
  await db.execute(sql`insert into partner_org (id, name, slug, zuora_account_id, invoice_owner) values (${PARTNER}, 'Bench Partner', 'bench-partner', 'A00000001', 'partner')`);
  await db.execute(sql`
    insert into customer_org (id, name, partner_org_id)
    select 'bench-org-' || lpad(i::text, 5, '0'), 'Customer ' || lpad(i::text, 5, '0'), ${PARTNER} from generate_series(1, ${ORGS}::int) i`);
  await db.execute(sql`
    insert into usage_metric (id, key, name, unit, aggregation) values
      ('bench-gb', 'gb_transferred', 'Total GB transferred', 'GB', 'sum'),
      ('bench-seats', 'seats', 'Seats', 'seats', 'max')`);
  const step = 1_000_000;
  for (let from = 0; from < RECORDS; from += step) {
    const to = Math.min(RECORDS, from + step) - 1;
    // Record g: organisation g mod ORGS, metric by the next bit, then the day; quantities up to 100 with 3 decimals.
    await db.execute(sql`
      with orgs as (select array_agg(id order by id) as ids from customer_org where partner_org_id = ${PARTNER})
      insert into usage_record (id, customer_org_id, metric_id, day, quantity)
      select 'bench-' || g, orgs.ids[(1 + g % ${ORGS}::int)::int],
             case when (g / ${ORGS}::int) % 2 = 0 then 'bench-gb' else 'bench-seats' end,
             current_date - ((g / (2 * ${ORGS}::int)) % ${DAYS}::int)::int,
             round((random() * 100)::numeric, 3)
      from orgs, generate_series(${from}::bigint, ${to}::bigint) g`);
    console.log(`  ${(to + 1).toLocaleString("en-GB")} usage records (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
  await db.execute(sql`
    insert into usage_daily (customer_org_id, day, metric_id, total, peak, records)
    select customer_org_id, day, metric_id, sum(quantity), max(quantity), count(*)::int from usage_record group by 1, 2, 3`);
  await db.execute(sql`analyze usage_record`);
  await db.execute(sql`analyze customer_org`);
  await db.execute(sql`insert into app_setting (key, value) values ('bench_reports', ${MARK})`);
  console.log(`Seeded in ${((performance.now() - t0) / 1000).toFixed(0)} s.`);
}

/** The partner-keyed roll-ups, from the daily ones (as the ingestion would have kept them). */
async function seedRollups(db: Db): Promise<void> {
  const t0 = performance.now();
  await db.execute(sql`truncate usage_block, usage_partner_daily`);
  await db.execute(sql`
    insert into usage_block (customer_org_id, level, start, metric_id, partner_key, total, peak)
    select d.customer_org_id, l.level, d.day - ((d.day - date '2000-01-01') % l.size), d.metric_id, coalesce(o.partner_org_id, ''), sum(d.total), max(d.peak)
    from usage_daily d join customer_org o on o.id = d.customer_org_id
    cross join (values (0::smallint, 1), (1::smallint, 4), (2::smallint, 16), (3::smallint, 64)) as l(level, size)
    group by 1, 2, 3, 4, 5`);
  await db.execute(sql`
    insert into usage_partner_daily (partner_key, day, metric_id, total, peak, records)
    select coalesce(o.partner_org_id, ''), d.day, d.metric_id, sum(d.total), max(d.peak), sum(d.records)::int
    from usage_daily d join customer_org o on o.id = d.customer_org_id group by 1, 2, 3`);
  for (const t of ["usage_daily", "usage_block", "usage_partner_daily"]) await db.execute(sql.raw(`vacuum analyze ${t}`));
  await db.execute(sql`insert into app_setting (key, value) values ('bench_reports_rollups', ${MARK}) on conflict (key) do update set value = excluded.value`);
  console.log(`Roll-ups built in ${((performance.now() - t0) / 1000).toFixed(0)} s.`);
}

async function time(scenario: string, runs: number, fn: (i: number) => Promise<unknown>): Promise<{ p50: number }> {
  await fn(-1); // warm: plans and buffers
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const q = (p: number) => Math.round(ms[Math.min(ms.length - 1, Math.floor(p * ms.length))]! * 10) / 10;
  const r = { scenario, runs, p50: q(0.5), p95: q(0.95), max: q(1) };
  console.log(JSON.stringify(r));
  return r;
}

export async function benchReports(): Promise<{ scenario: string; p50: number; limit: number }[]> {
  let database = await openDatabase({ url: DB_URL, max: 4 }).catch(() => null);
  if (!database || (await mark(database.db, "bench_reports")) !== MARK) {
    await database?.close();
    console.log(`Preparing ${new URL(DB_URL).pathname.slice(1)}: ${MARK}…`);
    await recreate();
    database = await openDatabase({ url: DB_URL, max: 4 });
    await seed(database.db);
  }
  if ((await mark(database.db, "bench_reports_rollups")) !== MARK) await seedRollups(database.db);
  const db = database.db;
  const admin: Actor = { kind: "admin", id: "bench", role: "viewer", label: "bench@bench.example" };
  const partnerUser: Actor = { kind: "partner_user", id: "bench", partnerOrgId: PARTNER, role: "viewer", label: "viewer@bench.example" };
  try {
    const last90 = resolvePeriod({ period: "90d" });
    const check = await partnerUsageReport(db, partnerUser, PARTNER, last90);
    console.log(`  90-day report: ${check.rows.length} organisations × ${check.metrics.length} metrics, ${check.series.length} days`);
    const r90 = await time("partner report, 90 days (1,000 organisations, 10M records)", RUNS, () => partnerUsageReport(db, partnerUser, PARTNER, last90));
    const r7 = await time("partner report, 7 days", RUNS, () => partnerUsageReport(db, partnerUser, PARTNER, resolvePeriod({ period: "7d" })));
    const all = await time("portal-wide report per partner, 90 days", Math.max(5, RUNS / 4), () => usageByPartner(db, admin, last90));
    const stamp = Date.now().toString(36);
    const orgIds = rowsOf<{ id: string }>(await db.execute(sql`select id from customer_org where partner_org_id = ${PARTNER} order by id limit 100`)).map((r) => r.id);
    const ingest = await time("ingest 1,000 records (one request's worth)", Math.max(5, RUNS / 4), (i) =>
      ingestUsage(
        db,
        systemActor,
        Array.from({ length: 1000 }, (_, j) => ({ id: `run-${stamp}-${i}-${j}`, organisationId: orgIds[j % orgIds.length]!, metric: j % 2 ? "seats" : "gb_transferred", quantity: 1.5, date: last90.to })),
      ),
    );
    return [
      { scenario: "partner report 90 days p50 < 200 ms", p50: r90.p50, limit: 200 },
      { scenario: "partner report 7 days p50", p50: r7.p50, limit: 200 },
      { scenario: "portal-wide report 90 days p50", p50: all.p50, limit: Infinity },
      { scenario: "ingest 1,000 records p50", p50: ingest.p50, limit: Infinity },
    ];
  } finally {
    await database.close();
  }
}

if (process.argv[1]?.endsWith("bench-reports.ts")) {
  benchReports()
    .then((targets) => {
      const missed = targets.filter((t) => t.p50 >= t.limit);
      for (const t of missed) console.error(`target missed: ${t.scenario}: ${t.p50} ms`);
      process.exit(missed.length ? 1 : 0);
    })
    .catch((err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    });
}
