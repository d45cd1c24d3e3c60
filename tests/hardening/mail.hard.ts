/**
 * Mail never holds up an answer: the invitation of a created partner user goes out after the
 * response (next/server `after`), so a slow mail server costs the person making the change nothing.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { Client } from "./client";
import { freshPgDatabase, startApp, testPort } from "./server";
import { fakeSmtp } from "./smtp";
import { tokenFor, uniq } from "./world";

const CLIENT = { id: "mail-client", secret: "mail-client-secret-abcdef0123456789" };
const SLOW_MS = 5_000;

test("a created partner user's invitation is mailed after the response, however slow the mail server", async () => {
  const smtp = fakeSmtp(testPort(3644), { greetingDelayMs: SLOW_MS });
  const db = await freshPgDatabase();
  const app = await startApp({
    port: 3632,
    env: { DATABASE_URL: db.url, SMTP_URL: `smtp://127.0.0.1:${testPort(3644)}`, INITIAL_API_CLIENT_ID: CLIENT.id, INITIAL_API_CLIENT_SECRET: CLIENT.secret },
  });
  try {
    const token = await tokenFor(app.base, CLIENT.id, CLIENT.secret);
    assert.ok(token);
    const api = new Client(app.base, token);
    const json = (body: unknown) => ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const org = await api.fetch("/api/partner-management/partner-organisation", json({ name: uniq("Mail org"), zuoraAccountId: "A1", isZuoraInvoiceOwner: true }));
    assert.equal(org.status, 200);
    const orgId = ((await org.json()) as { id: string }).id;

    const email = `${uniq("slow-mail")}@partner.example`;
    const started = Date.now();
    const created = await api.fetch(`/api/partner-management/partner-organisation/${orgId}`, json({ email }));
    const took = Date.now() - started;
    assert.equal(created.status, 200, await created.text());
    assert.ok(took < SLOW_MS / 2, `the answer waited for the mail server (${took} ms)`);

    // And the mail still goes out, once the server has answered.
    for (let i = 0; i < 150 && !smtp.mails.some((m) => m.includes(email)); i++) await new Promise((r) => setTimeout(r, 100));
    assert.ok(smtp.mails.some((m) => m.includes(email)), "the invitation was mailed");
  } finally {
    await app.stop();
    await db.drop();
    smtp.server.close();
  }
});
