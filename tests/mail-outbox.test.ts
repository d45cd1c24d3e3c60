import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { mailOutbox } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { sendDueMails } from "@/lib/mail/outbox";
import { createPartnerOrg } from "@/lib/partners/orgs";
import { createPartnerUser } from "@/lib/partners/users";
import { requestPasswordReset } from "@/lib/password-links/links";
import { databaseKind, freshDatabase } from "./helpers/db";
import { fakeSmtp } from "./hardening/smtp";
import { linksTo, useTestOutbox } from "./helpers/outbox";

const outbox = useTestOutbox();
const owner: Actor = { kind: "admin", id: "a1", role: "owner", label: "owner@example.com" };
const smtpPort = 8780 + (databaseKind === "postgres" ? 10 : 0);

describe(`mail through the outbox (${databaseKind})`, () => {
  let database: Database;
  before(async () => {
    database = await freshDatabase();
  });
  after(async () => {
    delete process.env.SMTP_URL;
    await database.close();
  });

  test("an invitation is queued with its token and sent by the worker after commit; the stored body is cleared once sent", async () => {
    const org = await createPartnerOrg(database.db, owner, { name: "Mail Ltd", zuoraAccountId: "Z1", invoiceOwner: "partner" });
    await createPartnerUser(database.db, owner, org.id, { email: "queued@mail.example" });
    assert.deepEqual(linksTo(outbox, "queued@mail.example", "invite"), [], "nothing leaves before the worker runs");
    const [queued] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.to, "queued@mail.example"));
    assert.equal(queued!.status, "pending");
    assert.match(queued!.text ?? "", /\/invite\//);
    assert.deepEqual(await sendDueMails(database.db), { sent: 1, failed: 0, claimed: 1 });
    assert.equal(linksTo(outbox, "queued@mail.example", "invite").length, 1);
    const [sent] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.id, queued!.id));
    assert.equal(sent!.status, "succeeded");
    assert.equal(sent!.text, null, "the link no longer sits in the database");
    assert.equal(sent!.link, null);
    assert.deepEqual(await sendDueMails(database.db), { sent: 0, failed: 0, claimed: 0 }, "sent once");
  });

  test("SMTP down, then up: every mail is sent, none lost", async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`;
    const org = await createPartnerOrg(database.db, owner, { name: "Outage Ltd", zuoraAccountId: "Z2", invoiceOwner: "partner" });
    const emails = Array.from({ length: 6 }, (_, i) => `outage${i}@mail.example`);
    for (const email of emails) await createPartnerUser(database.db, owner, org.id, { email });
    assert.equal(await requestPasswordReset(database.db, emails[0]!), true);
    const first = await sendDueMails(database.db);
    assert.equal(first.sent, 0, "the server is down");
    assert.equal(first.claimed, 7);
    const waiting = await database.db.select().from(mailOutbox).where(eq(mailOutbox.status, "pending"));
    assert.equal(waiting.length, 7, "kept for a retry");
    assert.ok(waiting.every((m) => m.lastError && m.attempts === 1 && m.nextAttemptAt.getTime() > Date.now()));

    const smtp = fakeSmtp(smtpPort);
    try {
      // The retry comes due (5 s at most for the first): rather than wait, bring it forward.
      await database.db.update(mailOutbox).set({ nextAttemptAt: new Date(Date.now() - 1000) }).where(eq(mailOutbox.status, "pending"));
      let sent = 0;
      for (let i = 0; i < 5 && sent < 7; i++) sent += (await sendDueMails(database.db)).sent;
      assert.equal(sent, 7);
      assert.equal(smtp.mails.length, 7);
      for (const email of emails) assert.ok(smtp.mails.some((m) => m.includes(`To: ${email}`)), email);
      assert.equal((await database.db.select().from(mailOutbox).where(eq(mailOutbox.status, "pending"))).length, 0);
    } finally {
      await new Promise((r) => smtp.server.close(r));
      delete process.env.SMTP_URL;
    }
  });

  test("a mail whose link has expired is given up, not sent late", async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${smtpPort + 1}`;
    try {
      const org = await createPartnerOrg(database.db, owner, { name: "Late Ltd", zuoraAccountId: "Z3", invoiceOwner: "partner" });
      await createPartnerUser(database.db, owner, org.id, { email: "late@mail.example" });
      await database.db.update(mailOutbox).set({ expiresAt: new Date(Date.now() + 1000) }).where(eq(mailOutbox.to, "late@mail.example"));
      const result = await sendDueMails(database.db);
      assert.equal(result.failed, 1);
      const [row] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.to, "late@mail.example"));
      assert.equal(row!.status, "failed");
      assert.equal(row!.text, null);
    } finally {
      delete process.env.SMTP_URL;
    }
  });
});
