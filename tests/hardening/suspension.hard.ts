/**
 * Suspend instead of delete, against the built server: a signed-in partner user is refused on the
 * next request, cannot sign in again, the API shows `status: "suspended"`, nothing is deleted; and
 * after "Reactivate partner" the user signs in again.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { openDatabase } from "@/db";
import { Client } from "./client";
import { freshPgDatabase, serverActions, startApp } from "./server";
import { makeAdmin, makeOrg, makePartnerUser, PASSWORD, tokenFor } from "./world";

const CLIENT = { INITIAL_API_CLIENT_ID: "suspend-client", INITIAL_API_CLIENT_SECRET: "suspend-client-secret-0123456789-abcdef" };

test("a suspended partner's users are signed out at once and refused at sign-in; the API shows status suspended; reactivating lets them back", async () => {
  const pg = await freshPgDatabase();
  const database = await openDatabase({ url: pg.url, max: 3 });
  const app = await startApp({ port: 3665, env: { DATABASE_URL: pg.url, ...CLIENT } });
  try {
    const org = await makeOrg(database);
    const user = await makePartnerUser(database, org.id, "admin");
    const admin = await makeAdmin(database, "admin");
    const owner = new Client(app.base);
    assert.ok(await owner.signIn("admin", admin.email, PASSWORD));
    const partner = new Client(app.base);
    assert.ok(await partner.signIn("partner", user.email, PASSWORD));
    assert.ok((await (await partner.fetch(`/partner/${org.slug}`)).text()).includes(org.name), "signed in");

    const suspend = serverActions().find((a) => a.key.endsWith("#suspendPartnerAction"))!;
    const reactivate = serverActions().find((a) => a.key.endsWith("#reactivatePartnerAction"))!;
    const done = await owner.action(suspend.id, `/settings/profile/partners/${org.id}`, [{ id: org.id, reason: "Unpaid invoices" }]);
    assert.equal(done.result?.ok, true, done.text.slice(0, 300));

    assert.ok(!(await (await partner.fetch(`/partner/${org.slug}`)).text()).includes(org.name), "the session ends at once");
    const again = new Client(app.base);
    assert.equal(await again.signIn("partner", user.email, PASSWORD), false, "sign-in refused while suspended");

    const api = new Client(app.base, await tokenFor(app.base, CLIENT.INITIAL_API_CLIENT_ID, CLIENT.INITIAL_API_CLIENT_SECRET));
    const listed = (await (await api.fetch("/api/partner-management/partner-organisations?limit=500")).json()) as { items: { id: string; status?: string }[] };
    assert.equal(listed.items.find((o) => o.id === org.id)?.status, "suspended");
    const users = (await (await api.fetch(`/api/partner-management/partner-organisation/${org.id}/users`)).json()) as { items: { id: string }[] };
    assert.deepEqual(users.items.map((u) => u.id), [user.id], "nothing deleted");

    assert.equal((await owner.action(reactivate.id, `/settings/profile/partners/${org.id}`, [{ id: org.id }])).result?.ok, true);
    const back = new Client(app.base);
    assert.ok(await back.signIn("partner", user.email, PASSWORD), "signs in again after reactivation");
    assert.ok((await (await back.fetch(`/partner/${org.slug}`)).text()).includes(org.name));
    assert.ok(!(await (await partner.fetch(`/partner/${org.slug}`)).text()).includes(org.name), "the session from before the suspension stays ended");
    const relisted = (await (await api.fetch("/api/partner-management/partner-organisations?limit=500")).json()) as { items: { id: string; status?: string }[] };
    assert.equal(relisted.items.find((o) => o.id === org.id)?.status, undefined);
  } finally {
    await app.stop();
    await database.close();
    await pg.drop();
  }
});
