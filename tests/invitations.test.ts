import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { activity, adminUser, partnerUser, userToken } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { describeLink, requestPasswordReset, setPasswordWithToken } from "@/lib/password-links/links";
import { partnerUserStatuses, resendPartnerInvitation, revokePartnerInvitation, sendPartnerPasswordReset } from "@/lib/partners/user-access";
import { createPartnerOrg } from "@/lib/partners/orgs";
import { createPartnerUser } from "@/lib/partners/users";
import { consumeToken, hashToken, issueToken } from "@/lib/password-links/tokens";
import { databaseKind, freshDatabase } from "./helpers/db";
import { sentLinks, tokenOf, useTestOutbox } from "./helpers/outbox";

const outbox = useTestOutbox();
process.env.APP_URL = "https://partners.example.test";
const admin: Actor = { kind: "admin", id: "a1", role: "owner", label: "owner@example.com" };
let n = 0;
const email = (prefix: string) => `${prefix}-${++n}-${Date.now().toString(36)}@invite.example`;

describe(`invitations and password links (${databaseKind})`, () => {
  let database: Database;
  let orgId: string;
  before(async () => {
    database = await freshDatabase();
    orgId = (await createPartnerOrg(database.db, admin, { name: "Invites Ltd", zuoraAccountId: "Z1", invoiceOwner: "partner" })).id;
  });
  after(async () => {
    await database.close();
  });

  test("creating a partner user mails an APP_URL invitation link whose token is stored only as a hash", async () => {
    const to = email("new");
    const user = await createPartnerUser(database.db, admin, orgId, { email: to, name: "New User" });
    const [link] = await sentLinks(database.db, outbox, to, "invite");
    assert.ok(link, "an invitation mail with a link was written to the outbox");
    assert.ok(link.startsWith("https://partners.example.test/invite/"));
    const token = tokenOf(link);
    assert.ok(Buffer.from(token, "base64url").length >= 16, "at least 128 random bits");
    const rows = await database.db.select().from(userToken).where(eq(userToken.principalId, user.id));
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.tokenHash, hashToken(token));
    assert.notEqual(rows[0]!.tokenHash, token);
    // INVITE_TTL_HOURS defaults to 72.
    const ttl = rows[0]!.expiresAt.getTime() - rows[0]!.created.getTime();
    assert.ok(Math.abs(ttl - 72 * 3600_000) < 5_000, `expires 72 hours after issue, not ${ttl} ms`);
    const statuses = await partnerUserStatuses(database.db, [user]);
    assert.equal(statuses.get(user.id), "invited");
    const logged = await database.db.select().from(activity).where(eq(activity.targetId, user.id));
    assert.deepEqual(logged.map((a) => a.action).sort(), ["invitation.sent", "partner_user.created"]);
  });

  test("the link sets an argon2id password once; a second use fails and the page says it was used", async () => {
    const to = email("accept");
    const user = await createPartnerUser(database.db, admin, orgId, { email: to });
    const token = tokenOf((await sentLinks(database.db, outbox, to, "invite"))[0]!);
    assert.deepEqual(await describeLink(database.db, token, "invite"), { state: "valid", kind: "partner_user", email: to });
    const done = await setPasswordWithToken(database.db, token, "invite", "a long enough password");
    assert.deepEqual(done, { kind: "partner_user", principalId: user.id, email: to });
    const [row] = await database.db.select().from(partnerUser).where(eq(partnerUser.id, user.id));
    assert.match(row!.passwordHash!, /^\$argon2id\$/);
    assert.equal(await verifyPassword(row!.passwordHash, "a long enough password"), true);
    assert.equal(await verifyPassword(row!.passwordHash, "another password"), false);
    assert.equal(row!.sessionVersion, user.sessionVersion, "accepting an invitation ends no session");
    assert.equal(await setPasswordWithToken(database.db, token, "invite", "a different password!"), null);
    assert.equal((await describeLink(database.db, token, "invite")).state, "used");
    assert.equal((await partnerUserStatuses(database.db, [row!])).get(user.id), "active");
    // An invitation token is not a reset token.
    assert.equal((await describeLink(database.db, token, "reset")).state, "unknown");
  });

  test("an expired link is refused and shown as expired", async () => {
    const to = email("expired");
    const user = await createPartnerUser(database.db, admin, orgId, { email: to });
    const token = tokenOf((await sentLinks(database.db, outbox, to, "invite"))[0]!);
    // The mail's link, 73 hours later: moves the token's clock back rather than waiting.
    await database.db
      .update(userToken)
      .set({ created: new Date(Date.now() - 73 * 3600_000), expiresAt: new Date(Date.now() - 3600_000) })
      .where(eq(userToken.tokenHash, hashToken(token)));
    assert.equal((await describeLink(database.db, token, "invite")).state, "expired");
    assert.equal((await partnerUserStatuses(database.db, [user])).get(user.id), "expired");
    assert.equal(await setPasswordWithToken(database.db, token, "invite", "a long enough password"), null);
    const [row] = await database.db.select().from(partnerUser).where(eq(partnerUser.id, user.id));
    assert.equal(row!.passwordHash, null);
    // issueToken's own clock: a token issued 73 hours ago with the 72-hour lifetime is expired too.
    const { token: old } = await issueToken(database.db, {
      principalKind: "partner_user", principalId: user.id, purpose: "invite", ttlHours: 72, now: new Date(Date.now() - 73 * 3600_000),
    });
    assert.equal(await consumeToken(database.db, old, "invite"), null);
  });

  test("two simultaneous uses of one link: exactly one succeeds", async () => {
    for (let round = 0; round < 3; round++) {
      const to = email("race");
      await createPartnerUser(database.db, admin, orgId, { email: to });
      const token = tokenOf((await sentLinks(database.db, outbox, to, "invite"))[0]!);
      const results = await Promise.all([
        setPasswordWithToken(database.db, token, "invite", "first racing password"),
        setPasswordWithToken(database.db, token, "invite", "second racing password"),
      ]);
      assert.equal(results.filter(Boolean).length, 1);
    }
    const to = email("race-raw");
    const user = await createPartnerUser(database.db, admin, orgId, { email: to });
    const { token } = await issueToken(database.db, { principalKind: "partner_user", principalId: user.id, purpose: "reset", ttlHours: 1 });
    const raw = await Promise.all(Array.from({ length: 6 }, () => consumeToken(database.db, token, "reset")));
    assert.equal(raw.filter(Boolean).length, 1);
  });

  test("resend revokes the earlier link; revoke stops the newest", async () => {
    const to = email("resend");
    const user = await createPartnerUser(database.db, admin, orgId, { email: to });
    const first = tokenOf((await sentLinks(database.db, outbox, to, "invite"))[0]!);
    await resendPartnerInvitation(database.db, admin, orgId, user.id);
    const links = await sentLinks(database.db, outbox, to, "invite");
    assert.equal(links.length, 2);
    const second = tokenOf(links[1]!);
    assert.notEqual(first, second);
    assert.equal((await describeLink(database.db, first, "invite")).state, "revoked");
    assert.equal((await describeLink(database.db, second, "invite")).state, "valid");
    assert.equal(await revokePartnerInvitation(database.db, admin, orgId, user.id), true);
    assert.equal((await describeLink(database.db, second, "invite")).state, "revoked");
    assert.equal((await partnerUserStatuses(database.db, [user])).get(user.id), "revoked");
    assert.equal(await setPasswordWithToken(database.db, second, "invite", "a long enough password"), null);
  });

  test("forgot password: a link for a known email, nothing for an unknown one; the reset ends sessions", async () => {
    const to = email("reset");
    const user = await createPartnerUser(database.db, admin, orgId, { email: to });
    assert.equal(await requestPasswordReset(database.db, to.toUpperCase()), true);
    const unknown = email("nobody");
    assert.equal(await requestPasswordReset(database.db, unknown), false);
    assert.deepEqual(await sentLinks(database.db, outbox, unknown, "reset-password"), []);
    const [link] = await sentLinks(database.db, outbox, to, "reset-password");
    assert.ok(link?.startsWith("https://partners.example.test/reset-password/"));
    const done = await setPasswordWithToken(database.db, tokenOf(link!), "reset", "my brand new password");
    assert.equal(done?.kind, "partner_user");
    const [row] = await database.db.select().from(partnerUser).where(eq(partnerUser.id, user.id));
    assert.equal(row!.sessionVersion, user.sessionVersion + 1, "a reset ends every session of the user");
    assert.equal(await verifyPassword(row!.passwordHash, "my brand new password"), true);
    // The invitation sent on creation stopped working when the password was set.
    assert.equal((await describeLink(database.db, tokenOf((await sentLinks(database.db, outbox, to, "invite"))[0]!), "invite")).state, "revoked");
  });

  test("finding 6: many requests cannot silence a user's resets: the live link is mailed again, at most one mail per 2 minutes", async () => {
    const to = email("silenced");
    await createPartnerUser(database.db, admin, orgId, { email: to });
    // The attacker asks ten times in a row: one mail goes, with a working link.
    for (let i = 0; i < 10; i++) await requestPasswordReset(database.db, to);
    const links = await sentLinks(database.db, outbox, to, "reset-password");
    assert.equal(links.length, 1, "one mail per account per 2 minutes");
    assert.equal((await describeLink(database.db, tokenOf(links[0]!), "reset")).state, "valid");
    // Two minutes later (the window moved back rather than waited for) the victim asks: the same,
    // still working, link is mailed again; no new link replaces the one already in their inbox.
    await database.db.execute(sql`update rate_limit set window_start = window_start - interval '121 seconds' where key = ${`reset:partner_user:${to.toLowerCase()}`}`);
    assert.equal(await requestPasswordReset(database.db, to), true);
    const again = await sentLinks(database.db, outbox, to, "reset-password");
    assert.equal(again.length, 2);
    assert.equal(again[1], again[0], "the live link is resent, not replaced");
    assert.ok(await setPasswordWithToken(database.db, tokenOf(again[1]!), "reset", "chosen after the flood"));
  });

  test("an admin can send a reset link but a partner Admin cannot; a resend is refused once a password is set", async () => {
    const to = email("admin-reset");
    const user = await createPartnerUser(database.db, admin, orgId, { email: to });
    const partnerAdmin: Actor = { kind: "partner_user", id: user.id, partnerOrgId: orgId, role: "admin", label: to };
    await assert.rejects(sendPartnerPasswordReset(database.db, partnerAdmin, orgId, user.id), (e: unknown) => e instanceof DomainError && e.code === "forbidden");
    await sendPartnerPasswordReset(database.db, admin, orgId, user.id);
    const token = tokenOf((await sentLinks(database.db, outbox, to, "reset-password"))[0]!);
    await setPasswordWithToken(database.db, token, "reset", "chosen by the user");
    await assert.rejects(resendPartnerInvitation(database.db, admin, orgId, user.id), (e: unknown) => e instanceof DomainError && e.code === "conflict");
  });

  test("portal admin invitations use the same links and set admin_user's password", async () => {
    const id = newId();
    const to = email("portal-admin");
    await database.db.insert(adminUser).values({ id, email: to, role: "admin" });
    const { token } = await issueToken(database.db, { principalKind: "admin", principalId: id, purpose: "invite", ttlHours: 72 });
    assert.deepEqual(await describeLink(database.db, token, "invite"), { state: "valid", kind: "admin", email: to });
    assert.deepEqual(await setPasswordWithToken(database.db, token, "invite", "admin password here"), { kind: "admin", principalId: id, email: to });
    const [row] = await database.db.select().from(adminUser).where(eq(adminUser.id, id));
    assert.equal(await verifyPassword(row!.passwordHash, "admin password here"), true);
  });

  test("a link of a deleted user does nothing", async () => {
    const id = newId();
    const { token } = await issueToken(database.db, { principalKind: "partner_user", principalId: id, purpose: "invite", ttlHours: 1 });
    assert.equal((await describeLink(database.db, token, "invite")).state, "unknown");
    assert.equal(await setPasswordWithToken(database.db, token, "invite", "a long enough password"), null);
  });

  test("password hashing is argon2id, salted, and verifies only the right password", async () => {
    const [a, b] = await Promise.all([hashPassword("same password"), hashPassword("same password")]);
    assert.match(a, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.notEqual(a, b);
    assert.equal(await verifyPassword(a, "same password"), true);
    assert.equal(await verifyPassword(a, "Same password"), false);
    assert.equal(await verifyPassword(null, "anything"), false);
  });
});
