/**
 * Fills the database (PGlite, or PostgreSQL by DATABASE_URL) with realistic generated partners:
 *   npm run db:seed -- --orgs 100000 --users-per-org 3 --customers-per-org 10
 * Rows are generated inside the database by set-based INSERT … SELECT over generate_series, in
 * batches, so a million organisations take one statement per batch rather than one request per row.
 * The embedded database may be open in one process only: stop the app before seeding it.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { dataDir, openDatabase, type Db } from "./index";

const FIRST = ["Alex", "Sam", "Jordan", "Priya", "Chen", "Fatima", "Lucas", "Maria", "Olu", "Yuki", "Noah", "Ines"];
const LAST = ["Smith", "Garcia", "Okafor", "Kowalski", "Nguyen", "Patel", "Müller", "Rossi", "Silva", "Tanaka"];
const WORDS = ["Northwind", "Contoso", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Acme", "Hooli", "Vandelay", "Tyrell", "Soylent", "Cyberdyne", "Wonka", "Oscorp", "Pied Piper"];
const KINDS = ["Resellers", "Distribution", "Media", "Partners", "Digital", "Subscriptions", "Group", "Trading", "Publishing", "Networks"];

const pgArray = (values: string[]) => `{${values.map((v) => `"${v}"`).join(",")}}`;

const CUSTOMER_KINDS = ["Foods", "Logistics", "Health", "Studios", "Retail", "Energy", "Labs", "Travel", "Finance", "Schools"];

/**
 * Seeds `orgs` partner organisations with `usersPerOrg` users and `customersPerOrg` customer
 * organisations each (one in 25 of those with no partner); returns what was inserted.
 */
export async function seed(
  db: Db,
  opts: { orgs: number; usersPerOrg: number; customersPerOrg?: number; batch?: number; log?: (line: string) => void },
) {
  const customersPerOrg = opts.customersPerOrg ?? 0;
  const batch = opts.batch ?? 20_000;
  const log = opts.log ?? (() => {});
  const spanMs = 730 * 24 * 3600 * 1000; // created dates spread over two years, in id order
  const start = Date.now() - spanMs;
  const step = Math.max(1, Math.floor(spanMs / Math.max(1, opts.orgs)));
  let orgs = 0;
  let users = 0;
  let customers = 0;
  for (let from = 1; from <= opts.orgs; from += batch) {
    const to = Math.min(opts.orgs, from + batch - 1);
    const result = await db.execute(sql`
      with g as (
        select i,
               to_timestamp((${start}::bigint + i::bigint * ${step}::bigint) / 1000.0) as ts,
               md5(random()::text || i::text || clock_timestamp()::text) as h
        from generate_series(${from}::int, ${to}::int) as i
      ), ids as (
        select g.*, lpad(to_hex(floor(extract(epoch from ts) * 1000)::bigint), 12, '0') || '7' || substr(h, 1, 3)
                    || substr('89ab', 1 + (get_byte(decode(substr(h, 4, 2), 'hex'), 0) % 4), 1) || substr(h, 6, 15) as x,
               (${pgArray(WORDS)}::text[])[1 + i % ${WORDS.length}] || ' ' || (${pgArray(KINDS)}::text[])[1 + (i / ${WORDS.length}) % ${KINDS.length}] || ' ' || i as name
        from g
      ), orgs as (
        -- The names of one batch are distinct, so partner_slug_for gives each its own slug.
        insert into partner_org (id, name, slug, logo, zuora_account_id, salesforce_account_id, invoice_owner, status, created, modified)
        select substr(x, 1, 8) || '-' || substr(x, 9, 4) || '-' || substr(x, 13, 4) || '-' || substr(x, 17, 4) || '-' || substr(x, 21, 12),
               name,
               partner_slug_for(name),
               case when i % 3 = 0 then 'https://logos.example.com/' || i || '.png' end,
               'A' || lpad(i::text, 8, '0'),
               case when i % 2 = 0 then '001' || upper(substr(h, 20, 12)) end,
               (case when i % 4 = 0 then 'end_customer' else 'partner' end)::invoice_owner,
               (case when i % 50 = 0 then 'pending' else 'approved' end)::partner_org_status,
               ts, ts
        from ids
        returning id, created, name
      ), users as (
        insert into partner_user (id, partner_org_id, name, first_name, last_name, email, role, created, modified)
        select (md5(orgs.id || ':' || j))::uuid::text,
               orgs.id,
               null,
               (${pgArray(FIRST)}::text[])[1 + (abs(hashtext(orgs.id)) + j) % ${FIRST.length}],
               (${pgArray(LAST)}::text[])[1 + (abs(hashtext(orgs.id)) / 7 + j) % ${LAST.length}],
               'user' || j || '.' || replace(orgs.id, '-', '') || '@partners.example',
               (case when j = 1 then 'admin' else 'viewer' end)::partner_role,
               orgs.created, orgs.created
        from orgs cross join generate_series(1, ${opts.usersPerOrg}::int) as j
        returning 1
      ), customers as (
        insert into customer_org (id, name, zuora_account_id, salesforce_account_id, partner_org_id, created, modified)
        select (md5(orgs.id || ':customer:' || j))::uuid::text,
               (${pgArray(WORDS)}::text[])[1 + (abs(hashtext(orgs.id)) + j) % ${WORDS.length}] || ' '
                 || (${pgArray(CUSTOMER_KINDS)}::text[])[1 + (abs(hashtext(orgs.id)) / 3 + j) % ${CUSTOMER_KINDS.length}] || ' '
                 || substr(replace(orgs.id, '-', ''), 9, 6) || j,
               case when j % 3 <> 0 then 'C' || upper(substr(md5(orgs.id || j), 1, 9)) end,
               case when j % 4 = 0 then '001' || upper(substr(md5(orgs.id || j), 10, 12)) end,
               case when (abs(hashtext(orgs.id)) + j) % 25 = 0 then null else orgs.id end,
               orgs.created + make_interval(mins => j), orgs.created + make_interval(mins => j)
        from orgs cross join generate_series(1, ${customersPerOrg}::int) as j
        returning 1
      )
      select (select count(*) from orgs)::int as orgs, (select count(*) from users)::int as users,
             (select count(*) from customers)::int as customers`);
    const row = (Array.isArray(result) ? result[0] : (result as { rows: unknown[] }).rows[0]) as { orgs: number; users: number; customers: number };
    orgs += Number(row.orgs);
    users += Number(row.users);
    customers += Number(row.customers);
    log(`  ${orgs.toLocaleString("en-GB")} organisations, ${users.toLocaleString("en-GB")} users, ${customers.toLocaleString("en-GB")} customer organisations`);
  }
  await db.execute(sql`analyze partner_org`);
  await db.execute(sql`analyze partner_user`);
  await db.execute(sql`analyze customer_org`);
  return { orgs, users, customers };
}

async function main() {
  const { values } = parseArgs({
    options: {
      orgs: { type: "string", default: "1000" },
      "users-per-org": { type: "string", default: "3" },
      "customers-per-org": { type: "string", default: "0" },
      batch: { type: "string" },
    },
  });
  const orgs = Number(values.orgs);
  const usersPerOrg = Number(values["users-per-org"]);
  const customersPerOrg = Number(values["customers-per-org"]);
  if ([orgs, usersPerOrg, customersPerOrg].some((n) => !Number.isInteger(n) || n < 0)) {
    console.error("usage: npm run db:seed -- --orgs N --users-per-org M --customers-per-org C   (whole numbers)");
    process.exit(2);
  }
  const url = process.env.DATABASE_URL;
  const database = await openDatabase(url ? { url } : { dataDir: path.join(dataDir(), "pglite") });
  const t0 = performance.now();
  console.log(`Seeding ${orgs.toLocaleString("en-GB")} organisations × ${usersPerOrg} users × ${customersPerOrg} customer organisations on ${database.kind}…`);
  const done = await seed(database.db, { orgs, usersPerOrg, customersPerOrg, batch: values.batch ? Number(values.batch) : undefined, log: console.log });
  console.log(`Done in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${done.orgs} organisations, ${done.users} users, ${done.customers} customer organisations.`);
  await database.close();
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
