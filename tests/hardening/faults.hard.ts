/**
 * Faults against the built server: a PostgreSQL server of the test's own that it stops and starts
 * (never the shared one), and app processes killed with SIGKILL mid-write, on PostgreSQL and on
 * the embedded PGlite data folder. Nothing acknowledged may be lost, nothing half-written may stay.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { chromium } from "@playwright/test";
import postgres from "postgres";
import { Client } from "./client";
import { startApp, testPort, waitFor, type AppServer } from "./server";
import { tokenFor, uniq } from "./world";

const BIN = "/usr/lib/postgresql/15/bin";
const PORT = testPort(3650);
let pgDir: string;
const asPostgres = (cmd: string, args: string[]) => {
  const root = process.getuid?.() === 0;
  return execFileSync(root ? "runuser" : cmd, root ? ["-u", "postgres", "--", cmd, ...args] : args, { stdio: "pipe" }).toString();
};
const pgCtl = (...args: string[]) => asPostgres(`${BIN}/pg_ctl`, ["-D", pgDir, "-w", "-t", "30", ...args]);
const startPg = () => pgCtl("-o", `-p ${PORT} -k /tmp -c listen_addresses=127.0.0.1 -c fsync=on`, "-l", path.join(pgDir, "log"), "start");
const stopPg = () => pgCtl("-m", "immediate", "stop");
/** Starts our server again if a failed test left it stopped, so the next test has one. */
const ensurePg = () => {
  try {
    pgCtl("status");
  } catch {
    startPg();
  }
};
const url = `postgres://postgres@127.0.0.1:${PORT}/postgres`;

let faultsSurvived = 0;

before(() => {
  const parent = mkdtempSync(path.join(tmpdir(), "pm-fault-pg-"));
  chmodSync(parent, 0o777);
  pgDir = path.join(parent, "data");
  asPostgres(`${BIN}/initdb`, ["-D", pgDir, "-U", "postgres", "--auth=trust", "-E", "UTF8"]);
  startPg();
});
after(() => {
  try {
    stopPg();
  } catch {
    /* already stopped */
  }
  rmSync(path.dirname(pgDir), { recursive: true, force: true });
  console.log(`[faults] ${faultsSurvived} faults survived`);
});

const API = "/api/partner-management";
const CLIENT = { INITIAL_API_CLIENT_ID: "fault-client", INITIAL_API_CLIENT_SECRET: "fault-client-secret-0123456789-abcdef" };
const ADMIN = { INITIAL_ADMIN_EMAIL: "owner@faults.example", INITIAL_ADMIN_PASSWORD: "faults-owner-password-1" };

async function apiClient(app: AppServer): Promise<Client> {
  const token = await tokenFor(app.base, CLIENT.INITIAL_API_CLIENT_ID, CLIENT.INITIAL_API_CLIENT_SECRET);
  assert.ok(token);
  return new Client(app.base, token);
}
const createOrg = (c: Client, name: string) =>
  c.fetch(`${API}/partner-organisation`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name, zuoraAccountId: "A1", isZuoraInvoiceOwner: true }) });
const createUser = (c: Client, orgId: string, email: string) =>
  c.fetch(`${API}/partner-organisation/${orgId}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email }) });

test("PostgreSQL goes away: 503 { message } for the API, the friendly error page, no partial writes, and recovery on its own", async () => {
  const app = await startApp({ port: 3623, env: { DATABASE_URL: url, ...CLIENT, ...ADMIN } });
  const sql = postgres(url, { max: 2, onnotice: () => {} });
  try {
    const api = await apiClient(app);
    const admin = new Client(app.base);
    assert.ok(await admin.signIn("admin", ADMIN.INITIAL_ADMIN_EMAIL, ADMIN.INITIAL_ADMIN_PASSWORD));
    // Orgs with users, to delete while the database dies.
    const doomed: string[] = [];
    for (let i = 0; i < 12; i++) {
      const org = (await (await createOrg(api, uniq("doomed"))).json()) as { id: string };
      for (let j = 0; j < 5; j++) assert.equal((await createUser(api, org.id, `${uniq("u")}@faults.example`)).status, 200);
      doomed.push(org.id);
    }
    // Writes in flight when the server stops: deletes of orgs with users, creates with their activity.
    const acknowledged = { created: new Set<string>(), deleted: new Set<string>() };
    const inFlight = [
      ...doomed.map(async (id) => {
        const res = await api.fetch(`${API}/partner-organisation/${id}`, { method: "DELETE" }).catch(() => undefined);
        if (res?.status === 200) acknowledged.deleted.add(id);
        else if (res) assert.ok([503, 404].includes(res.status), `delete: ${res.status}`);
      }),
      ...Array.from({ length: 30 }, async () => {
        const res = await createOrg(api, uniq("inflight")).catch(() => undefined);
        if (res?.status === 200) acknowledged.created.add(((await res.json()) as { id: string }).id);
        else if (res) assert.equal(res.status, 503);
      }),
    ];
    await new Promise((r) => setTimeout(r, 40));
    stopPg();
    await Promise.all(inFlight);
    faultsSurvived++;

    // While it is down: the API answers 503 with a message, pages show the friendly error page.
    for (const [path, method] of [[`${API}/partner-organisations`, "GET"], [`${API}/partner-organisation/${doomed[0]}/users`, "GET"]] as const) {
      const res = await api.fetch(path, { method });
      assert.equal(res.status, 503, path);
      const body = (await res.json()) as { message?: string };
      assert.match(body.message ?? "", /temporarily unavailable/);
    }
    const created = await createOrg(api, uniq("while down"));
    assert.equal(created.status, 503);
    assert.deepEqual(Object.keys((await created.json()) as object), ["message"]);
    assert.equal((await fetch(`${app.base}/api/health`)).status, 503);
    const page = await admin.fetch("/settings/profile/partners");
    const html = await page.text();
    assert.ok(page.status >= 500, `page while down: ${page.status}`);
    assert.ok(!/ECONNREFUSED|at \w+ \(|postgres:\/\//.test(html), "no error detail in the page");
    // The error boundary (app/error.tsx) renders in the browser: look at it in Chromium.
    const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
    try {
      const context = await browser.newContext();
      await context.addCookies([...admin.cookies].map(([name, value]) => ({ name, value, url: app.base })));
      const tab = await context.newPage();
      await tab.goto(`${app.base}/settings/profile/partners`);
      await tab.getByRole("heading", { name: "Something went wrong" }).waitFor({ timeout: 15_000 });
      assert.ok((await tab.content()).includes("try again in a moment"));
    } finally {
      await browser.close();
    }

    // The database comes back: the same process recovers without a restart.
    startPg();
    await waitFor(`${app.base}/api/health`, 30_000);
    const list = await api.fetch(`${API}/partner-organisations?limit=500`);
    assert.equal(list.status, 200);
    assert.ok((await admin.fetch("/settings/profile/partners")).status === 200, "pages recover (session still valid)");

    // Atomic: each org is either gone with all its users and a deletion entry, or whole with none.
    for (const id of doomed) {
      const { orgs } = (await sql<{ orgs: number }[]>`select count(*)::int as orgs from partner_org where id = ${id}`)[0]!;
      const { users } = (await sql<{ users: number }[]>`select count(*)::int as users from partner_user where partner_org_id = ${id}`)[0]!;
      const { entries } = (await sql<{ entries: number }[]>`select count(*)::int as entries from activity where action = 'partner_org.deleted' and target_id = ${id}`)[0]!;
      if (orgs === 0) assert.deepEqual({ users, entries }, { users: 0, entries: 1 }, `deleted ${id}`);
      else assert.deepEqual({ users, entries }, { users: 5, entries: 0 }, `kept ${id}`);
      if (acknowledged.deleted.has(id)) assert.equal(orgs, 0, "an acknowledged delete stays done");
    }
    // Every org has its creation entry (create-with-activity in one transaction), and every acknowledged create exists.
    const { missing } = (await sql<{ missing: number }[]>`
      select count(*)::int as missing from partner_org o
      where not exists (select 1 from activity a where a.action = 'partner_org.created' and a.target_id = o.id)`)[0]!;
    assert.equal(missing, 0);
    for (const id of acknowledged.created) {
      const { n } = (await sql<{ n: number }[]>`select count(*)::int as n from partner_org where id = ${id}`)[0]!;
      assert.equal(n, 1, `acknowledged create ${id}`);
    }
    const { orphans } = (await sql<{ orphans: number }[]>`select count(*)::int as orphans from activity a where a.action = 'partner_org.created' and not exists (select 1 from partner_org o where o.id = a.target_id) and not exists (select 1 from activity d where d.action = 'partner_org.deleted' and d.target_id = a.target_id)`)[0]!;
    assert.equal(orphans, 0, "no creation entry without its org");
  } finally {
    ensurePg();
    await sql.end();
    await app.stop();
  }
});

/** Fires creates at the app and kills it with SIGKILL while they run; returns what was acknowledged. */
async function killMidWrite(app: AppServer): Promise<string[]> {
  const api = await apiClient(app);
  const acknowledged: string[] = [];
  const statuses: Record<string, number> = {};
  let stop = false;
  const workers = Array.from({ length: 8 }, async () => {
    while (!stop) {
      const res = await createOrg(api, uniq("kill")).catch(() => undefined);
      if (!res) return;
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      // Acknowledged means the whole answer arrived; a body cut off by the kill is not an acknowledgement.
      const body = res.status === 200 ? await res.json().catch(() => undefined) : undefined;
      if (body) acknowledged.push((body as { id: string }).id);
      else if (res.status === 200) return;
    }
  });
  // Kill once writes are flowing (at least 20 acknowledged), at a random moment after that.
  for (let i = 0; i < 100 && acknowledged.length < 20; i++) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, Math.random() * 300));
  await app.stop("SIGKILL");
  stop = true;
  await Promise.all(workers);
  console.log(`[faults] SIGKILL after ${acknowledged.length} acknowledged creates; answers ${JSON.stringify(statuses)}`);
  return acknowledged;
}

async function assertAllThere(app: AppServer, ids: string[]) {
  const api = await apiClient(app);
  const seen = new Set<string>();
  let cursor: string | undefined;
  do {
    const res = await api.fetch(`${API}/partner-organisations?limit=500${cursor ? `&queryMore=${encodeURIComponent(cursor)}` : ""}`);
    assert.equal(res.status, 200);
    const page = (await res.json()) as { items: { id: string }[]; queryMore?: string };
    for (const i of page.items) seen.add(i.id);
    cursor = page.queryMore;
  } while (cursor);
  const lost = ids.filter((id) => !seen.has(id));
  assert.deepEqual(lost, [], `${lost.length} acknowledged rows lost`);
}

test("an app process killed (SIGKILL) mid-write on PostgreSQL loses nothing acknowledged", async () => {
  const env = { DATABASE_URL: url, ...CLIENT };
  const acknowledged = await killMidWrite(await startApp({ port: 3624, env }));
  assert.ok(acknowledged.length > 5, `writes were acknowledged before the kill (${acknowledged.length})`);
  const again = await startApp({ port: 3624, env });
  try {
    await assertAllThere(again, acknowledged);
    faultsSurvived++;
  } finally {
    await again.stop();
  }
});

test("an app process killed (SIGKILL) mid-write on the embedded PGlite data folder loses nothing acknowledged", async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "pm-h-pglite-"));
  const env = { DATABASE_URL: undefined, DATA_DIR: dataDir, ...CLIENT };
  try {
    const acknowledged = await killMidWrite(await startApp({ port: 3625, env }));
    assert.ok(acknowledged.length > 5, `writes were acknowledged before the kill (${acknowledged.length})`);
    const again = await startApp({ port: 3625, env });
    try {
      await assertAllThere(again, acknowledged);
      faultsSurvived++;
    } finally {
      await again.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
