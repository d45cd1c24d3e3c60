import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { activity, partnerOrg, partnerUser } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import { invitePartnerOrg } from "@/lib/partners/invite-partner";
import { completePartnerForm, getPartnerOrg } from "@/lib/partners/orgs";
import { createPartnerUser } from "@/lib/partners/users";
import { inspectToken } from "@/lib/password-links/tokens";
import { sendDueMails } from "@/lib/mail/outbox";
import { databaseKind, freshDatabase } from "./helpers/db";

const outbox = mkdtempSync(path.join(tmpdir(), "pm-invite-partner-outbox-"));
process.env.MAIL_OUTBOX_DIR = outbox;

const owner: Actor = { kind: "admin", id: "00000000-0000-7000-8000-0000000000d1", role: "owner", label: "owner@invite.example" };
const viewer: Actor = { kind: "admin", id: "00000000-0000-7000-8000-0000000000d2", role: "viewer", label: "viewer@invite.example" };
const form = { name: "Globex Ltd", logo: "https://example.com/globex.png", zuoraAccountId: "A00009999", salesforceAccountId: null, invoiceOwner: "end_customer" as const };

function linkFor(email: string): string {
  // The .eml files are quoted-printable: undo soft line breaks and "=3D" before reading the link.
  const mail = readdirSync(outbox)
    .map((f) => readFileSync(path.join(outbox, f), "utf8").replace(/=\r?\n/g, "").replace(/=3D/g, "="))
    .find((m) => m.includes(`To: ${email}`));
  assert.ok(mail, `a mail to ${email} is in the outbox`);
  return /\/invite\/([A-Za-z0-9_-]{43})/.exec(mail!)![1]!;
}

describe(`invite a partner → partner form → approved (${databaseKind})`, () => {
  let database: Database;
  before(async () => {
    database = await freshDatabase();
  });
  after(async () => {
    await database.close();
  });

  test("Invite Partner makes a pending org, its contact as Admin, and mails the contact an invitation", async () => {
    const { org, contact } = await invitePartnerOrg(database.db, owner, {
      name: "Globex",
      primaryContactName: "Hank Scorpio",
      primaryContactEmail: "hank@globex.example",
    });
    assert.equal(org.status, "pending");
    assert.equal(org.zuoraAccountId, "");
    assert.equal(org.invoiceOwner, "partner");
    assert.equal(org.primaryContactName, "Hank Scorpio");
    assert.equal(org.primaryContactEmail, "hank@globex.example");
    assert.equal(contact.role, "admin");
    assert.equal(contact.name, "Hank Scorpio");
    await sendDueMails(database.db);
    const token = linkFor("hank@globex.example");
    const state = await inspectToken(database.db, token, "invite");
    assert.equal(state.state, "valid");
    assert.deepEqual(state.principal, { principalKind: "partner_user", principalId: contact.id });
    const actions = (await database.db.select().from(activity).where(eq(activity.partnerOrgId, org.id))).map((a) => a.action);
    assert.deepEqual(actions, ["partner_org.created", "partner_user.created", "invitation.sent"]);

    // The contact (a partner Admin of the pending org) submits the partner form: approved.
    const actor: Actor = { kind: "partner_user", id: contact.id, partnerOrgId: org.id, role: "admin", label: contact.email };
    const approved = await completePartnerForm(database.db, actor, org.id, form);
    assert.equal(approved.status, "approved");
    assert.equal(approved.zuoraAccountId, "A00009999");
    assert.equal(approved.name, "Globex Ltd");
    const [entry] = await database.db.select().from(activity).where(eq(activity.action, "partner_org.form_submitted"));
    assert.equal(entry!.actorId, contact.id);
    assert.deepEqual((entry!.change as { after: Record<string, unknown> }).after.status, "approved");
    // Once only.
    await assert.rejects(completePartnerForm(database.db, actor, org.id, form), (e: unknown) => e instanceof DomainError && e.code === "conflict");
  });

  test("only the org's own partner Admin may submit its form", async () => {
    const { org, contact } = await invitePartnerOrg(database.db, owner, { name: "Initech", primaryContactName: "Bill", primaryContactEmail: "bill@initech.example" });
    const { org: other } = await invitePartnerOrg(database.db, owner, { name: "Other", primaryContactName: "O", primaryContactEmail: "o@other.example" });
    const viewerUser = await createPartnerUser(database.db, owner, org.id, { email: "peon@initech.example" });
    const forbidden = (e: unknown) => e instanceof DomainError && e.code === "forbidden";
    const asAdmin: Actor = { kind: "partner_user", id: contact.id, partnerOrgId: org.id, role: "admin", label: contact.email };
    const asViewer: Actor = { kind: "partner_user", id: viewerUser.id, partnerOrgId: org.id, role: "viewer", label: viewerUser.email };
    await assert.rejects(completePartnerForm(database.db, asViewer, org.id, form), forbidden);
    await assert.rejects(completePartnerForm(database.db, asAdmin, other.id, form), forbidden);
    assert.equal((await getPartnerOrg(database.db, owner, org.id)).status, "pending");
    assert.equal((await getPartnerOrg(database.db, owner, other.id)).status, "pending");
  });

  test("a taken contact email leaves no organisation and no entry; a Viewer cannot invite", async () => {
    await createPartnerUser(database.db, owner, (await invitePartnerOrg(database.db, owner, { name: "Holder", primaryContactName: "H", primaryContactEmail: "h@holder.example" })).org.id, { email: "taken@invite.example" });
    const orgs0 = (await database.db.select().from(partnerOrg)).length;
    const n0 = (await database.db.select().from(activity)).length;
    await assert.rejects(
      invitePartnerOrg(database.db, owner, { name: "Orphan?", primaryContactName: "T", primaryContactEmail: "TAKEN@invite.example" }),
      (e: unknown) => e instanceof DomainError && e.code === "conflict",
    );
    await assert.rejects(
      invitePartnerOrg(database.db, viewer, { name: "Nope", primaryContactName: "N", primaryContactEmail: "n@nope.example" }),
      (e: unknown) => e instanceof DomainError && e.code === "forbidden",
    );
    assert.equal((await database.db.select().from(partnerOrg)).length, orgs0);
    assert.equal((await database.db.select().from(activity)).length, n0);
    assert.equal((await database.db.select().from(partnerUser).where(eq(partnerUser.email, "n@nope.example"))).length, 0);
  });
});
