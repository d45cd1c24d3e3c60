/**
 * The embedded database (PGlite, in a data folder) closed under the running route handlers and
 * server-action wrapper: 503 `{ message }`, no half-done deletes or creates, and everything
 * acknowledged is there when the folder is opened again. (PostgreSQL going away and SIGKILL are
 * in tests/hardening/faults.hard.ts, against the built server.)
 */
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { sql } from "drizzle-orm";
import { openDatabase, rowsOf, setDatabaseForTests } from "@/db";
import { systemActor } from "@/lib/auth/actor";
import { createApiClient } from "@/lib/api-clients/api-clients";
import { isDatabaseUnavailable } from "@/lib/errors";
import { createPartnerOrg } from "@/lib/partners/orgs";
import { GET as listOrgs } from "@/app/api/partner-management/partner-organisations/route";
import { POST as createOrg } from "@/app/api/partner-management/partner-organisation/route";
import { DELETE as deleteOrg, POST as createUser } from "@/app/api/partner-management/partner-organisation/[partnerOrganisationId]/route";
import { call, getToken, ORG, ORGS } from "./helpers/api";
import { useTestOutbox } from "./helpers/outbox";

test("PGlite closed mid-run: 503 { message }, atomic deletes and creates, nothing acknowledged lost after reopening", async () => {
  useTestOutbox();
  process.env.AUTH_SECRET ??= "test-auth-secret-0123456789-0123456789";
  const dir = await mkdtemp(path.join(tmpdir(), "pm-pglite-fault-"));
  try {
    let database = await openDatabase({ dataDir: dir });
    setDatabaseForTests(database);
    const { client, secret } = await createApiClient(database.db, systemActor, { name: "faults" });
    const token = await getToken(client.id, secret);
    const doomed: string[] = [];
    for (let i = 0; i < 6; i++) {
      const org = await call(createOrg, { method: "POST", path: ORG, token, body: { name: `doomed ${i}`, zuoraAccountId: "A1", isZuoraInvoiceOwner: true } });
      for (let j = 0; j < 4; j++) {
        const user = await call(createUser, { method: "POST", path: `${ORG}/${org.body.id}`, token, body: { email: `u${i}-${j}@faults.example` }, params: { partnerOrganisationId: org.body.id } });
        assert.equal(user.status, 200, user.text);
      }
      doomed.push(org.body.id);
    }

    const acknowledged = { created: [] as string[], deleted: [] as string[] };
    const inFlight = [
      ...doomed.map(async (id) => {
        const res = await call(deleteOrg, { method: "DELETE", path: `${ORG}/${id}`, token, params: { partnerOrganisationId: id } });
        if (res.status === 200) acknowledged.deleted.push(id);
        else assert.equal(res.status, 503, res.text);
      }),
      ...Array.from({ length: 10 }, async (_, i) => {
        const res = await call(createOrg, { method: "POST", path: ORG, token, body: { name: `in flight ${i}`, zuoraAccountId: "A1", isZuoraInvoiceOwner: true } });
        if (res.status === 200) acknowledged.created.push(res.body.id);
        else assert.equal(res.status, 503, res.text);
      }),
    ];
    await new Promise((r) => setImmediate(r));
    await database.close();
    await Promise.all(inFlight);

    // Closed: the API answers 503 with a message only; the domain's error is recognised as "unavailable"
    // (what the server-action wrapper turns into its plain sentence).
    const down = await call(listOrgs, { path: ORGS, token });
    assert.equal(down.status, 503);
    assert.deepEqual(Object.keys(down.body), ["message"]);
    const attempt = await createPartnerOrg(database.db, systemActor, { name: "x", zuoraAccountId: "A1", invoiceOwner: "partner" } as never).then(
      () => "written",
      (err: unknown) => (isDatabaseUnavailable(err) ? "unavailable" : String(err)),
    );
    assert.equal(attempt, "unavailable");

    // Back: the same folder, everything acknowledged is there, and every change is whole.
    database = await openDatabase({ dataDir: dir });
    setDatabaseForTests(database);
    const q = async (query: ReturnType<typeof sql>) => rowsOf<{ n: number }>(await database.db.execute(query))[0]!.n;
    for (const id of doomed) {
      const orgs = await q(sql`select count(*)::int as n from partner_org where id = ${id}`);
      const users = await q(sql`select count(*)::int as n from partner_user where partner_org_id = ${id}`);
      const entries = await q(sql`select count(*)::int as n from activity where action = 'partner_org.deleted' and target_id = ${id}`);
      assert.deepEqual({ users, entries }, orgs ? { users: 4, entries: 0 } : { users: 0, entries: 1 }, id);
      if (acknowledged.deleted.includes(id)) assert.equal(orgs, 0);
    }
    for (const id of acknowledged.created) assert.equal(await q(sql`select count(*)::int as n from partner_org where id = ${id}`), 1);
    assert.equal(
      await q(sql`select count(*)::int as n from partner_org o where not exists (select 1 from activity a where a.action = 'partner_org.created' and a.target_id = o.id)`),
      0,
      "every org has its creation entry",
    );
    assert.equal((await call(listOrgs, { path: ORGS, token })).status, 200, "answers again");
    await database.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
