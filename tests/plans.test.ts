import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { partnerUser } from "@/db/schema";
import { seed } from "@/db/seed";
import type { Actor } from "@/lib/auth/actor";
import { listPartnerOrgsByKey } from "@/lib/partners/orgs";
import { listPartnersTable } from "@/lib/partners/partners-table";
import { getPartnerOrgBySlug } from "@/lib/partners/slug";
import { listPartnerUsers } from "@/lib/partners/users";
import { countOrganisationsByPartner, listOrganisationsByKey, listOrganisationsTable } from "@/lib/organisations";
import { organisationsTableSearchSchema } from "@/lib/validations/organisation";
import { userFilter } from "@/lib/scim/filter";
import { partnersTableSearchSchema } from "@/lib/validations/partner-org";
import { sql } from "drizzle-orm";
import { resolvePeriod } from "@/lib/reports/period";
import { partnerUsageReport } from "@/lib/reports/usage";
import { listMetrics } from "@/lib/usage/metrics";
import { databaseKind, freshDatabase } from "./helpers/db";

/**
 * Scale (issue 6): with a seeded table, the queries the product really sends use the indexes
 * (trigram for name fragments, b-tree keysets for paging), deep pages scan no more than the first,
 * and a partners page sends a fixed number of queries whatever its size.
 */
const ORGS = 10_000;
const CUSTOMERS_PER_ORG = 3;
const admin: Actor = { kind: "admin", id: "plans", role: "owner", label: "plans@example.com" };

describe(`query plans at ${ORGS.toLocaleString("en-GB")} organisations (${databaseKind})`, () => {
  let database: Database;
  const captured: { query: string; params: unknown[] }[] = [];
  let capturing = false;

  before(async () => {
    database = await freshDatabase({
      logger: { logQuery: (query, params) => void (capturing && captured.push({ query, params })) },
    });
    await seed(database.db, { orgs: ORGS, usersPerOrg: 3, customersPerOrg: CUSTOMERS_PER_ORG });
  });
  after(async () => {
    await database.close();
  });

  /** Runs `fn` and returns the queries it sent. */
  async function queriesOf(fn: () => Promise<unknown>) {
    captured.length = 0;
    capturing = true;
    try {
      await fn();
    } finally {
      capturing = false;
    }
    return [...captured];
  }

  async function plan(q: { query: string; params: unknown[] }): Promise<string> {
    const client = (database.db as unknown as { $client: unknown }).$client as {
      unsafe?: (q: string, p: unknown[]) => Promise<Record<string, unknown>[]>;
      query?: (q: string, p: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;
    };
    const text = `explain (format json) ${q.query}`;
    const rows = client.unsafe ? await client.unsafe(text, q.params as never) : (await client.query!(text, q.params)).rows;
    return JSON.stringify(rows[0]!["QUERY PLAN"]);
  }

  const pageQuery = (qs: { query: string; params: unknown[] }[]) => {
    const found = qs.find((q) => /from "partner_org"/.test(q.query) && /order by/.test(q.query));
    assert.ok(found, "the page query was sent");
    return found!;
  };

  test("a fragment of the name is found through the trigram index", async () => {
    const qs = await queriesOf(() => listPartnersTable(database.db, admin, partnersTableSearchSchema.parse({ q: "Trading 421" })));
    const p = await plan(pageQuery(qs));
    assert.match(p, /partner_org_name_trgm/);
    assert.doesNotMatch(p, /"Seq Scan"/);
  });

  test("a partner account is found by its slug through the unique index", async () => {
    const [org] = (await listPartnerOrgsByKey(database.db, admin, { limit: 1 })).rows;
    const slugger: Actor = { kind: "partner_user", id: "p", partnerOrgId: org!.id, role: "viewer", label: "p@example.com" };
    const qs = await queriesOf(() => getPartnerOrgBySlug(database.db, slugger, org!.slug));
    const p = await plan(qs.find((q) => /"slug" = \$1/.test(q.query))!);
    assert.match(p, /partner_org_slug_key/);
    assert.doesNotMatch(p, /"Seq Scan"/);
  });

  test("an exact Zuora account ID or ID is found through b-tree indexes", async () => {
    const qs = await queriesOf(() => listPartnersTable(database.db, admin, partnersTableSearchSchema.parse({ q: "A00004217" })));
    const p = await plan(pageQuery(qs));
    assert.match(p, /partner_org_zuora_account_id_idx/);
    assert.match(p, /partner_org_pkey/);
    assert.doesNotMatch(p, /"Seq Scan"/);
  });

  for (const sort of ["created", "name"] as const) {
    test(`the first and a deep page sorted by ${sort} walk the (${sort}, id) index without sorting`, async () => {
      const base = partnersTableSearchSchema.parse({ sort, dir: "desc" });
      const firstQs = await queriesOf(() => listPartnersTable(database.db, admin, base));
      const first = await listPartnersTable(database.db, admin, base);
      // A cursor near the end: the ascending first page's last row, read descending.
      const tail = await listPartnersTable(database.db, admin, { ...base, dir: "asc" });
      const deepQs = await queriesOf(() => listPartnersTable(database.db, admin, { ...base, after: tail.nextCursor }));
      for (const p of [await plan(pageQuery(firstQs)), await plan(pageQuery(deepQs))]) {
        assert.match(p, new RegExp(`partner_org_${sort}_id_idx`));
        assert.doesNotMatch(p, /"Seq Scan"|"Node Type": "Sort"/);
      }
      assert.equal(first.rows.length, 25);
    });
  }

  test("the API's deep page is an index range scan on the primary key", async () => {
    let cursor: string | undefined;
    for (let i = 0; i < 3; i++) cursor = (await listPartnerOrgsByKey(database.db, admin, { limit: 500, queryMore: cursor })).queryMore;
    const qs = await queriesOf(() => listPartnerOrgsByKey(database.db, admin, { limit: 50, queryMore: cursor }));
    const p = await plan(qs[0]!);
    assert.match(p, /partner_org_pkey/);
    assert.doesNotMatch(p, /"Seq Scan"|"Node Type": "Sort"/);
  });

  test("an organisation's users are read through the (org, id) index", async () => {
    const org = (await listPartnerOrgsByKey(database.db, admin, { limit: 1 })).rows[0]!;
    const qs = await queriesOf(() => listPartnerUsers(database.db, admin, org.id, { limit: 50 }));
    const usersQuery = qs.find((q) => /from "partner_user"/.test(q.query))!;
    assert.match(await plan(usersQuery), /partner_user_org_id_idx/);
  });

  test("a SCIM directory's lookups (userName, externalId, emails) read an index, never the whole table", async () => {
    const org = (await listPartnerOrgsByKey(database.db, admin, { limit: 1 })).rows[0]!;
    for (const f of ['userName eq "someone@example.com"', 'externalId eq "00u1"', 'emails[type eq "work" and value eq "a@b.example"]']) {
      const q = database.db.select().from(partnerUser).where(and(eq(partnerUser.partnerOrgId, org.id), userFilter(f))).toSQL();
      const text = await plan({ query: q.sql, params: q.params });
      assert.doesNotMatch(text, /"Seq Scan"/, f);
      assert.match(text, /"Index Name":"partner_user_/, f);
    }
  });

  test("a partners page sends the same few queries whatever its size (no N+1)", async () => {
    const small = await queriesOf(() => listPartnersTable(database.db, admin, { ...partnersTableSearchSchema.parse({}), size: 10 }));
    const large = await queriesOf(() => listPartnersTable(database.db, admin, { ...partnersTableSearchSchema.parse({}), size: 100 }));
    assert.equal(small.length, large.length);
    assert.ok(large.length <= 3, `${large.length} queries`);
    const counts = large.find((q) => /from "partner_user"/.test(q.query))!;
    assert.match(await plan(counts), /partner_user_org_id_idx/);
  });

  /* Customer organisations: 3 per partner (one in 25 with no partner). */

  const customerPage = (qs: { query: string; params: unknown[] }[]) => {
    const found = qs.find((q) => /from "customer_org"/.test(q.query) && /order by/.test(q.query));
    assert.ok(found, "the page query was sent");
    return found!;
  };
  const partnerWithCustomers = async () => (await listPartnerOrgsByKey(database.db, admin, { limit: 1, queryMore: undefined })).rows[0]!.id;

  test("customer organisations: a name fragment through the trigram index, an exact Zuora account ID through its b-tree", async () => {
    const [sample] = (await listOrganisationsTable(database.db, admin, { ...organisationsTableSearchSchema.parse({}), size: 10 })).rows;
    for (const [q, index] of [[sample!.name.split(" ").at(-1)!, "customer_org_name_trgm"], ["C0123ABCDE", "customer_org_zuora_account_id_idx"]] as const) {
      const qs = await queriesOf(() => listOrganisationsTable(database.db, admin, organisationsTableSearchSchema.parse({ q })));
      const p = await plan(customerPage(qs));
      assert.match(p, new RegExp(index));
      assert.doesNotMatch(p, /"Seq Scan"/);
    }
  });

  for (const sort of ["name", "created"] as const) {
    for (const scope of ["all", "one partner", "no partner"] as const) {
      test(`customer organisations of ${scope} sorted by ${sort}: first and deep pages walk an index without sorting`, async () => {
        const partner = scope === "all" ? undefined : scope === "no partner" ? "none" : await partnerWithCustomers();
        const base = { ...organisationsTableSearchSchema.parse({ sort, dir: "desc" }), partner };
        const tail = await listOrganisationsTable(database.db, admin, { ...base, dir: "asc", size: 10 });
        const firstQs = await queriesOf(() => listOrganisationsTable(database.db, admin, base));
        const deepQs = await queriesOf(() => listOrganisationsTable(database.db, admin, { ...base, after: tail.nextCursor }));
        const index = { all: `customer_org_${sort}_id_idx`, "one partner": `customer_org_partner_${sort}_id_idx`, "no partner": `customer_org_unowned_${sort}_id_idx` }[scope];
        for (const p of [await plan(customerPage(firstQs)), await plan(customerPage(deepQs))]) {
          assert.match(p, new RegExp(index));
          assert.doesNotMatch(p, /"Seq Scan"|"Node Type": "Sort"/);
        }
        if (scope !== "one partner") assert.ok(tail.nextCursor, "more than one page");
      });
    }
  }

  test("the API's list of a partner's customer organisations is a range scan on (partner, id)", async () => {
    const id = await partnerWithCustomers();
    const qs = await queriesOf(() => listOrganisationsByKey(database.db, admin, id, { limit: 2 }));
    const p = await plan(qs.find((q) => /from "customer_org"/.test(q.query))!);
    assert.match(p, /customer_org_partner_id_idx/);
    assert.doesNotMatch(p, /"Seq Scan"|"Node Type": "Sort"/);
  });

  test("the partners page's customer organisation counts: one indexed query for all its rows", async () => {
    const ids = (await listPartnersTable(database.db, admin, { ...partnersTableSearchSchema.parse({}), size: 100 })).rows.map((r) => r.id);
    const qs = await queriesOf(() => countOrganisationsByPartner(database.db, admin, ids));
    assert.equal(qs.length, 1);
    const p = await plan(qs[0]!);
    assert.match(p, /customer_org_partner_/);
    assert.doesNotMatch(p, /"Seq Scan"/);
  });

  /* Usage reports: daily roll-ups of two metrics for every customer organisation (3 days each). */

  test("a partner's usage report: totals from its roll-up blocks in one index, the series from its daily roll-ups", async () => {
    await database.db.execute(sql`insert into usage_metric (id, key, name, unit, aggregation) values ('plan-gb', 'gb_transferred', 'GB', 'GB', 'sum'), ('plan-seats', 'seats', 'Seats', 'seats', 'max')`);
    await database.db.execute(sql`
      insert into usage_daily (customer_org_id, day, metric_id, total, peak, records)
      select o.id, current_date - d, m, 1, 1, 1 from customer_org o, generate_series(0, 2) d, unnest(array['plan-gb', 'plan-seats']) m`);
    // The partner-keyed roll-ups, as the ingestion keeps them.
    await database.db.execute(sql`
      insert into usage_block (customer_org_id, level, start, metric_id, partner_key, total, peak)
      select d.customer_org_id, l.level, d.day - ((d.day - date '2000-01-01') % l.size), d.metric_id, coalesce(o.partner_org_id, ''), sum(d.total), max(d.peak)
      from usage_daily d join customer_org o on o.id = d.customer_org_id
      cross join (values (0::smallint, 1), (1::smallint, 4), (2::smallint, 16), (3::smallint, 64)) as l(level, size)
      group by 1, 2, 3, 4, 5`);
    await database.db.execute(sql`
      insert into usage_partner_daily (partner_key, day, metric_id, total, peak, records)
      select coalesce(o.partner_org_id, ''), d.day, d.metric_id, sum(d.total), max(d.peak), sum(d.records)::int
      from usage_daily d join customer_org o on o.id = d.customer_org_id group by 1, 2, 3`);
    for (const t of ["usage_daily", "usage_block", "usage_partner_daily"]) await database.db.execute(sql.raw(`analyze ${t}`));
    const partner = await partnerWithCustomers();
    const qs = await queriesOf(() => partnerUsageReport(database.db, admin, partner, resolvePeriod({ period: "90d" })));
    const totals = await plan(qs.find((q) => /usage_block/.test(q.query))!);
    assert.match(totals, /usage_block_partner_idx/);
    assert.deepEqual(seqScanned(totals).filter((t) => t.startsWith("usage")), []);
    const series = await plan(qs.find((q) => /usage_partner_daily/.test(q.query))!);
    assert.match(series, /usage_partner_daily_pkey/);
    assert.deepEqual(seqScanned(series), []);
    const count = qs.find((q) => /count\(/.test(q.query) && /customer_org/.test(q.query))!;
    assert.doesNotMatch(await plan(count), /"Seq Scan"/);
  });

  test("whether a metric has usage is one probe of the (metric, day) index", async () => {
    const qs = await queriesOf(() => listMetrics(database.db, admin));
    const p = await plan(qs[0]!);
    assert.match(p, /usage_daily_metric_day_idx/);
    assert.ok(!seqScanned(p).includes("usage_daily"), "usage_daily is not scanned whole");
  });

  /** The tables a plan reads by sequential scan. */
  function seqScanned(planJson: string): string[] {
    const out: string[] = [];
    const walk = (node: Record<string, unknown>) => {
      if (node["Node Type"] === "Seq Scan") out.push(String(node["Relation Name"]));
      for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
    };
    for (const root of JSON.parse(planJson) as { Plan: Record<string, unknown> }[]) walk(root.Plan);
    return out;
  }
});
