/** A partner's verified domains: normalising, public mail services, DNS verification against a real DNS server, races, permissions, audit. */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { and, eq } from "drizzle-orm";
import { setDatabaseForTests, type Database } from "@/db";
import { activity, partnerDomain } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import {
  addPartnerDomain,
  emailDomain,
  listPartnerDomains,
  markPartnerDomainVerified,
  normaliseDomain,
  removePartnerDomain,
  verificationRecordName,
  verifiedDomainOwner,
  verifyPartnerDomain,
} from "@/lib/partners/domains";
import { createPartnerOrg } from "@/lib/partners/orgs";
import { isPublicMailDomain } from "@/lib/partners/public-mail-domains";
import { databaseKind, freshDatabase } from "./helpers/db";
import { startTxtServer } from "./helpers/dns-server";

const refused = (code: DomainError["code"], message?: RegExp) => (e: unknown) =>
  e instanceof DomainError && e.code === code && (!message || message.test(e.message));

const owner: Actor = { kind: "admin", id: "owner-1", role: "owner", label: "owner@example.com" };
const portalViewer: Actor = { kind: "admin", id: "viewer-1", role: "viewer", label: "viewer@example.com" };
const member = (orgId: string, role: "admin" | "maintainer" | "viewer"): Actor => ({ kind: "partner_user", id: `${role}-${orgId}`, partnerOrgId: orgId, role, label: `${role}@${orgId}.example` });

describe(`verified domains (${databaseKind})`, () => {
  let database: Database;
  let dns: Awaited<ReturnType<typeof startTxtServer>>;
  let orgA: string;
  let orgB: string;
  let n = 0;
  const fresh = (prefix = "d") => `${prefix}${++n}-${Date.now().toString(36)}.example`;
  const rowOf = async (id: string) => (await database.db.select().from(partnerDomain).where(eq(partnerDomain.id, id)))[0]!;
  const entries = (id: string) => database.db.select().from(activity).where(eq(activity.targetId, id));

  before(async () => {
    dns = await startTxtServer();
    process.env.DNS_SERVERS = dns.address;
    database = await freshDatabase();
    setDatabaseForTests(database);
    const org = (name: string) => createPartnerOrg(database.db, owner, { name, zuoraAccountId: `Z-${name}`, invoiceOwner: "partner" });
    orgA = (await org("Domains A")).id;
    orgB = (await org("Domains B")).id;
  });
  after(async () => {
    await database.close();
    await dns.close();
  });

  test("a domain is stored trimmed, lower case, without its trailing dot, an internationalised name in its xn-- form", async () => {
    const a = await addPartnerDomain(database.db, owner, orgA, { domain: "  Acme-Widgets.CO.UK. " });
    assert.equal(a.domain, "acme-widgets.co.uk");
    assert.equal(a.recordName, "_partner-management.acme-widgets.co.uk");
    assert.match(a.recordValue, /^partner-management-verification=[A-Za-z0-9_-]{43}$/);
    assert.equal(a.verifiedAt, null);
    const idn = await addPartnerDomain(database.db, owner, orgA, { domain: "Bücher.Example" });
    assert.equal(idn.domain, "xn--bcher-kva.example");
    assert.equal(emailDomain("Anna@BÜCHER.example."), "xn--bcher-kva.example");
    await assert.rejects(addPartnerDomain(database.db, owner, orgA, { domain: "ACME-widgets.co.uk" }), refused("conflict", /already on your list/));
    const [added] = (await entries(a.id)).filter((e) => e.action === "partner_domain.added");
    assert.deepEqual(added!.change, { after: { domain: "acme-widgets.co.uk" } });
    assert.equal(added!.partnerOrgId, orgA);
    assert.equal(added!.targetKind, "partner_domain");
  });

  test("what is not a domain is refused with a clear message, and nothing is written", async () => {
    const before = (await database.db.select().from(partnerDomain)).length;
    const cases: [string, RegExp][] = [
      ["", /Enter a domain/],
      ["localhost", /at least one dot/],
      ["https://acme.example/path", /domain only/],
      ["someone@acme.example", /domain only/],
      ["acme..example", /not a valid domain/],
      ["-acme.example", /not a valid domain/],
      [`${"a".repeat(64)}.example`, /not a valid domain/],
      [`${"abcdefghi.".repeat(26)}example`, /not a valid domain/],
      ["acme_widgets.example", /not a valid domain/],
      ["192.168.1.10", /not an IP address/],
    ];
    for (const [input, message] of cases) {
      await assert.rejects(addPartnerDomain(database.db, owner, orgA, { domain: input }), refused("invalid", message), input);
    }
    assert.equal((await database.db.select().from(partnerDomain)).length, before);
  });

  test("a partner has at most 50 domains", async () => {
    const orgC = (await createPartnerOrg(database.db, owner, { name: "Domains C", zuoraAccountId: "Z-C", invoiceOwner: "partner" })).id;
    for (let i = 0; i < 50; i++) await addPartnerDomain(database.db, owner, orgC, { domain: fresh("many") });
    await assert.rejects(addPartnerDomain(database.db, owner, orgC, { domain: fresh("many") }), refused("invalid", /at most 50 domains/));
    assert.equal((await listPartnerDomains(database.db, owner, orgC)).length, 50);
  });

  test("public mail services are refused; company domains that merely look alike are not", async () => {
    for (const d of ["gmail.com", "GoogleMail.com.", "outlook.com", "hotmail.co.uk", "hotmail.fr", "live.com", "msn.com", "yahoo.com", "yahoo.co.jp", "icloud.com", "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net", "mail.com", "yandex.ru", "zoho.com", "qq.com", "163.com", "mail.yahoo.com"]) {
      await assert.rejects(addPartnerDomain(database.db, owner, orgA, { domain: d }), refused("invalid", /public email service/), d);
    }
    for (const d of ["live.acme.example", "acme-gmail.com", "gmail.com.acme.example", "outlookconsulting.co.uk"]) {
      assert.equal(isPublicMailDomain(normaliseDomain(d)), false, d);
    }
  });

  test("Verify: the exact TXT record verifies the domain (audited); a missing or wrong one writes only the time of the check", async () => {
    const d = await addPartnerDomain(database.db, member(orgA, "admin"), orgA, { domain: fresh("dns") });
    const name = verificationRecordName(d.domain);

    await assert.rejects(verifyPartnerDomain(database.db, member(orgA, "admin"), orgA, d.id), refused("invalid", new RegExp(`No TXT record was found at ${name.replace(/\./g, "\\.")}\\. DNS changes can take a while to show; try again later\\.`)));
    let row = await rowOf(d.id);
    assert.equal(row.verifiedAt, null);
    assert.equal(row.verificationMethod, null);
    assert.ok(row.lastCheckedAt, "the check's time is written");
    const firstCheck = row.lastCheckedAt!.getTime();

    dns.publish(name, `${d.recordValue}x`, "v=spf1 -all", d.recordValue.toUpperCase());
    await assert.rejects(verifyPartnerDomain(database.db, member(orgA, "admin"), orgA, d.id), refused("invalid", /does not have the expected value/));
    row = await rowOf(d.id);
    assert.equal(row.verifiedAt, null);
    assert.ok(row.lastCheckedAt!.getTime() >= firstCheck);
    dns.publish(`${name}.other`, d.recordValue);
    await assert.rejects(verifyPartnerDomain(database.db, member(orgA, "admin"), orgA, d.id), refused("invalid"));
    assert.deepEqual((await entries(d.id)).map((e) => e.action), ["partner_domain.added"], "a failed check is not a change");

    dns.publish(name, "v=spf1 -all", d.recordValue);
    const verified = await verifyPartnerDomain(database.db, member(orgA, "admin"), orgA, d.id);
    assert.ok(verified.verifiedAt);
    assert.equal(verified.verificationMethod, "dns");
    assert.equal(await verifiedDomainOwner(database.db, `someone@${d.domain.toUpperCase()}`), orgA);
    const again = await verifyPartnerDomain(database.db, member(orgA, "admin"), orgA, d.id);
    assert.equal(again.verifiedAt!.getTime(), verified.verifiedAt!.getTime());
    const audit = (await entries(d.id)).filter((e) => e.action === "partner_domain.verified");
    assert.equal(audit.length, 1, "verified once, audited once");
    assert.deepEqual(audit[0]!.change, { after: { domain: d.domain, method: "dns" } });
    assert.equal(audit[0]!.actorKind, "partner_user");
  });

  test("Verify when DNS does not answer (nothing listening, DNS_SERVERS not IP addresses): told so, nothing verified", async () => {
    const d = await addPartnerDomain(database.db, owner, orgA, { domain: fresh("down") });
    const silent = await startTxtServer();
    const deadAddress = silent.address;
    await silent.close();
    for (const servers of [deadAddress, "dns.example"]) {
      process.env.DNS_SERVERS = servers;
      try {
        await assert.rejects(verifyPartnerDomain(database.db, owner, orgA, d.id), refused("invalid", /did not answer\. DNS changes can take a while to show; try again later\./), servers);
      } finally {
        process.env.DNS_SERVERS = dns.address;
      }
    }
    assert.equal((await rowOf(d.id)).verifiedAt, null);
  });

  test("a domain verified by another partner is refused, when added and when verified", async () => {
    const domain = fresh("taken");
    const mine = await addPartnerDomain(database.db, owner, orgB, { domain });
    const theirs = await addPartnerDomain(database.db, owner, orgA, { domain });
    await markPartnerDomainVerified(database.db, owner, orgA, theirs.id);
    await assert.rejects(addPartnerDomain(database.db, owner, orgB, { domain: `${domain}.` }), refused("conflict", /Another partner has already verified this domain/));
    dns.publish(verificationRecordName(domain), mine.recordValue);
    await assert.rejects(verifyPartnerDomain(database.db, member(orgB, "admin"), orgB, mine.id), refused("conflict", /Another partner/));
    await assert.rejects(markPartnerDomainVerified(database.db, owner, orgB, mine.id), refused("conflict", /Another partner/));
    assert.equal((await rowOf(mine.id)).verifiedAt, null);
    assert.equal(await verifiedDomainOwner(database.db, `x@${domain}`), orgA);
    // Once the holder removes it, the other partner may verify it.
    await removePartnerDomain(database.db, owner, orgA, theirs.id);
    assert.ok((await verifyPartnerDomain(database.db, member(orgB, "admin"), orgB, mine.id)).verifiedAt);
  });

  test("two partners racing to verify the same domain: exactly one holds it", async () => {
    const domain = fresh("race");
    const a = await addPartnerDomain(database.db, owner, orgA, { domain });
    const b = await addPartnerDomain(database.db, owner, orgB, { domain });
    dns.publish(verificationRecordName(domain), a.recordValue, b.recordValue);
    const results = await Promise.allSettled([
      verifyPartnerDomain(database.db, member(orgA, "admin"), orgA, a.id),
      verifyPartnerDomain(database.db, member(orgB, "admin"), orgB, b.id),
      markPartnerDomainVerified(database.db, owner, orgB, b.id),
    ]);
    const verified = await database.db.select().from(partnerDomain).where(eq(partnerDomain.domain, domain));
    assert.equal(verified.filter((r) => r.verifiedAt).length, 1, JSON.stringify(results.map((r) => r.status)));
    for (const r of results) if (r.status === "rejected") assert.ok(refused("conflict", /Another partner/)(r.reason), String(r.reason));
    const winner = verified.find((r) => r.verifiedAt)!;
    assert.equal(await verifiedDomainOwner(database.db, `x@${domain}`), winner.partnerOrgId);
    // A direct write past the domain layer is stopped by the unique index too.
    const loser = verified.find((r) => !r.verifiedAt)!;
    await assert.rejects(database.db.update(partnerDomain).set({ verifiedAt: new Date(), verificationMethod: "admin" }).where(eq(partnerDomain.id, loser.id)));
  });

  test("who may: partner Admins and portal Owners/Admins manage; Mark as verified is for portal admins; viewers read; nobody crosses partners", async () => {
    const d = await addPartnerDomain(database.db, member(orgA, "admin"), orgA, { domain: fresh("who") });
    for (const actor of [member(orgA, "viewer"), member(orgA, "maintainer"), member(orgB, "admin"), portalViewer]) {
      await assert.rejects(addPartnerDomain(database.db, actor, orgA, { domain: fresh("no") }), refused("forbidden"), actor.label);
      await assert.rejects(verifyPartnerDomain(database.db, actor, orgA, d.id), refused("forbidden"), actor.label);
      await assert.rejects(removePartnerDomain(database.db, actor, orgA, d.id), refused("forbidden"), actor.label);
      await assert.rejects(markPartnerDomainVerified(database.db, actor, orgA, d.id), refused("forbidden"), actor.label);
    }
    await assert.rejects(markPartnerDomainVerified(database.db, member(orgA, "admin"), orgA, d.id), refused("forbidden"), "a partner Admin proves it by DNS");
    for (const actor of [member(orgA, "viewer"), member(orgA, "maintainer"), member(orgB, "admin")]) {
      await assert.rejects(listPartnerDomains(database.db, actor, orgA), refused("forbidden"), actor.label);
    }
    assert.ok((await listPartnerDomains(database.db, portalViewer, orgA)).some((x) => x.id === d.id));
    assert.ok((await listPartnerDomains(database.db, member(orgA, "admin"), orgA)).some((x) => x.id === d.id));
    await assert.rejects(removePartnerDomain(database.db, owner, orgB, d.id), refused("not_found"), "a domain is reached through its own partner");
    await assert.rejects(markPartnerDomainVerified(database.db, owner, orgB, d.id), refused("not_found"));
    assert.equal((await rowOf(d.id)).verifiedAt, null);

    const marked = await markPartnerDomainVerified(database.db, { kind: "admin", id: "admin-2", role: "admin", label: "admin@example.com" }, orgA, d.id);
    assert.equal(marked.verificationMethod, "admin");
    const [audit] = (await entries(d.id)).filter((e) => e.action === "partner_domain.marked_verified");
    assert.equal(audit!.actorLabel, "admin@example.com");
    assert.deepEqual(audit!.change, { after: { domain: d.domain, method: "admin" } });

    await removePartnerDomain(database.db, member(orgA, "admin"), orgA, d.id);
    assert.equal((await database.db.select().from(partnerDomain).where(and(eq(partnerDomain.id, d.id)))).length, 0);
    const [removed] = (await entries(d.id)).filter((e) => e.action === "partner_domain.removed");
    assert.deepEqual(removed!.change, { before: { domain: d.domain, verified: true } });
    await assert.rejects(removePartnerDomain(database.db, member(orgA, "admin"), orgA, d.id), refused("not_found"));
  });
});
