import "server-only";
import { randomBytes } from "node:crypto";
import { domainToASCII } from "node:url";
import { and, asc, count, eq, isNotNull, isNull, ne } from "drizzle-orm";
import type { Db, Queryable } from "@/db";
import { partnerDomain, partnerOrg, type PartnerDomainRow } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { conflict, invalid, notFound, pgError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { lookupTxt } from "@/lib/net/dns-txt";
import { isPublicMailDomain } from "./public-mail-domains";

/**
 * A partner's domains (Settings > Domains): the email domains it proves it owns by publishing a
 * TXT record, or that a portal admin marks as verified. A verified domain is what lets the
 * partner's single sign-on vouch for an email address (lib/sso/complete.ts) and what sends that
 * address to the partner's identity provider at sign-in. One partner only may hold a domain
 * verified; the unique index partner_domain_verified_key is the final word when two race.
 */

/** The TXT record a partner publishes to prove it owns `domain`. */
export const verificationRecordName = (domain: string) => `_partner-management.${domain}`;
export const verificationRecordValue = (token: string) => `partner-management-verification=${token}`;

export interface PartnerDomainView {
  id: string;
  partnerOrgId: string;
  domain: string;
  verifiedAt: Date | null;
  verificationMethod: "dns" | "admin" | null;
  lastCheckedAt: Date | null;
  created: Date;
  recordName: string;
  recordValue: string;
}

const view = (row: PartnerDomainRow): PartnerDomainView => ({
  id: row.id,
  partnerOrgId: row.partnerOrgId,
  domain: row.domain,
  verifiedAt: row.verifiedAt,
  verificationMethod: row.verificationMethod as PartnerDomainView["verificationMethod"],
  lastCheckedAt: row.lastCheckedAt,
  created: row.created,
  recordName: verificationRecordName(row.domain),
  recordValue: verificationRecordValue(row.verificationToken),
});

/** Domains per partner: an organisation has a handful; the list shows them all. */
const MAX_DOMAINS = 50;
const OTHER_PARTNER = "Another partner has already verified this domain. Ask the portal admins if it should be yours.";
const domainError = (message: string) => invalid(message, { domain: [message] });

/**
 * A domain as stored: trimmed, lower case, without a trailing dot, an internationalised name in its
 * ASCII (xn--) form; "" when it is not a hostname. Used for email addresses' domains too.
 */
function asciiDomain(input: string): string {
  const trimmed = input.trim().replace(/\.$/, "");
  if (!trimmed) return "";
  return domainToASCII(trimmed).toLowerCase();
}

/**
 * The domain a partner typed, normalised, or a clear refusal: a hostname with at least one dot,
 * at most 253 characters and labels of at most 63 (letters, digits, hyphens), and not a public
 * mail service (see public-mail-domains.ts).
 */
export function normaliseDomain(input: string): string {
  const stripped = input.trim().replace(/^@/, "");
  if (!stripped) throw domainError("Enter a domain, e.g. example.com.");
  if (/[/:@\s]/.test(stripped)) throw domainError("Enter the domain only, e.g. example.com (no https://, path or email address).");
  const domain = asciiDomain(stripped);
  if (!domain) throw domainError(`"${stripped}" is not a valid domain name.`);
  const labels = domain.split(".");
  const validLabels = labels.every((l) => l.length >= 1 && l.length <= 63 && /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/.test(l));
  if (!validLabels || domain.length > 253) throw domainError(`"${stripped}" is not a valid domain name.`);
  if (labels.length < 2) throw domainError("Enter a full domain with at least one dot, e.g. example.com.");
  if (/^\d+$/.test(labels.at(-1)!)) throw domainError("Enter a domain name, not an IP address.");
  if (isPublicMailDomain(domain)) {
    throw domainError(`${domain} is a public email service: anyone can have an address there, so it cannot be verified as your organisation's domain.`);
  }
  return domain;
}

/** The domain part of an email address, lower case (ASCII form); "" when there is none. */
export function emailDomain(email: string): string {
  const at = email.lastIndexOf("@");
  return at < 0 ? "" : asciiDomain(email.slice(at + 1));
}

/** The partner that has verified the domain of `email`, if one has. */
export async function verifiedDomainOwner(db: Queryable, email: string): Promise<string | null> {
  const domain = emailDomain(email);
  if (!domain) return null;
  const [row] = await db
    .select({ partnerOrgId: partnerDomain.partnerOrgId })
    .from(partnerDomain)
    .where(and(eq(partnerDomain.domain, domain), isNotNull(partnerDomain.verifiedAt)));
  return row?.partnerOrgId ?? null;
}

/** The partner's domains, alphabetically. */
export async function listPartnerDomains(db: Queryable, actor: Actor, orgId: string): Promise<PartnerDomainView[]> {
  assertCan(actor, "sso:read", orgId);
  const rows = await db.select().from(partnerDomain).where(eq(partnerDomain.partnerOrgId, orgId)).orderBy(asc(partnerDomain.domain)).limit(MAX_DOMAINS);
  return rows.map(view);
}

async function verifiedElsewhere(db: Queryable, orgId: string, domain: string): Promise<boolean> {
  const [row] = await db
    .select({ id: partnerDomain.id })
    .from(partnerDomain)
    .where(and(eq(partnerDomain.domain, domain), isNotNull(partnerDomain.verifiedAt), ne(partnerDomain.partnerOrgId, orgId)));
  return Boolean(row);
}

/** Adds a domain, not yet verified, with a fresh token for its TXT record. */
export async function addPartnerDomain(db: Db, actor: Actor, orgId: string, input: { domain: string }): Promise<PartnerDomainView> {
  assertCan(actor, "sso:manage", orgId);
  const domain = normaliseDomain(input.domain);
  try {
    return await db.transaction(async (tx) => {
      const [org] = await tx.select({ id: partnerOrg.id }).from(partnerOrg).where(eq(partnerOrg.id, orgId)).for("share");
      if (!org) throw notFound("Partner organisation not found.");
      if (await verifiedElsewhere(tx, orgId, domain)) throw conflict(OTHER_PARTNER, { domain: [OTHER_PARTNER] });
      const [{ n }] = (await tx.select({ n: count() }).from(partnerDomain).where(eq(partnerDomain.partnerOrgId, orgId))) as [{ n: number }];
      if (n >= MAX_DOMAINS) throw invalid(`A partner can have at most ${MAX_DOMAINS} domains. Remove one you no longer use first.`);
      const token = randomBytes(32).toString("base64url");
      const [row] = await tx.insert(partnerDomain).values({ id: newId(), partnerOrgId: orgId, domain, verificationToken: token }).returning();
      await recordActivity(tx, actor, {
        action: "partner_domain.added",
        targetKind: "partner_domain",
        targetId: row!.id,
        partnerOrgId: orgId,
        change: { after: { domain } },
      });
      return view(row!);
    });
  } catch (err) {
    if (pgError(err).constraint === "partner_domain_org_domain_key") {
      throw conflict(`${domain} is already on your list.`, { domain: [`${domain} is already on your list.`] });
    }
    throw err;
  }
}

async function lockDomain(tx: Queryable, orgId: string, id: string): Promise<PartnerDomainRow> {
  const [row] = await tx.select().from(partnerDomain).where(and(eq(partnerDomain.id, id), eq(partnerDomain.partnerOrgId, orgId))).for("update");
  if (!row) throw notFound("Domain not found.");
  return row;
}

/** Removes a domain: its users' single sign-on no longer vouches for their addresses. */
export async function removePartnerDomain(db: Db, actor: Actor, orgId: string, id: string): Promise<{ id: string; domain: string }> {
  assertCan(actor, "sso:manage", orgId);
  return db.transaction(async (tx) => {
    const row = await lockDomain(tx, orgId, id);
    await tx.delete(partnerDomain).where(eq(partnerDomain.id, id));
    await recordActivity(tx, actor, {
      action: "partner_domain.removed",
      targetKind: "partner_domain",
      targetId: id,
      partnerOrgId: orgId,
      change: { before: { domain: row.domain, verified: row.verifiedAt !== null } },
    });
    return { id, domain: row.domain };
  });
}

/**
 * Marks the domain verified by `method`, audited; already verified, nothing changes. Another
 * partner holding it verified is refused, here or, under a race, by the unique index.
 */
async function markVerified(db: Db, actor: Actor, orgId: string, id: string, method: "dns" | "admin", checkedAt: Date | null): Promise<PartnerDomainView> {
  try {
    return await db.transaction(async (tx) => {
      const row = await lockDomain(tx, orgId, id);
      if (row.verifiedAt) return view(row);
      if (await verifiedElsewhere(tx, orgId, row.domain)) throw conflict(OTHER_PARTNER);
      const now = new Date();
      const [after] = await tx
        .update(partnerDomain)
        .set({ verifiedAt: now, verificationMethod: method, ...(checkedAt ? { lastCheckedAt: checkedAt } : {}) })
        .where(and(eq(partnerDomain.id, id), isNull(partnerDomain.verifiedAt)))
        .returning();
      await recordActivity(tx, actor, {
        action: method === "dns" ? "partner_domain.verified" : "partner_domain.marked_verified",
        targetKind: "partner_domain",
        targetId: id,
        partnerOrgId: orgId,
        change: { after: { domain: row.domain, method } },
      });
      return view(after!);
    });
  } catch (err) {
    if (pgError(err).constraint === "partner_domain_verified_key") throw conflict(OTHER_PARTNER);
    throw err;
  }
}

/**
 * "Verify": looks up the domain's TXT record and verifies the domain when one of its records is
 * exactly the expected value. Otherwise only the time of the check is written, and the refusal
 * says what was (not) found.
 */
export async function verifyPartnerDomain(db: Db, actor: Actor, orgId: string, id: string): Promise<PartnerDomainView> {
  assertCan(actor, "sso:manage", orgId);
  const [row] = await db.select().from(partnerDomain).where(and(eq(partnerDomain.id, id), eq(partnerDomain.partnerOrgId, orgId)));
  if (!row) throw notFound("Domain not found.");
  if (row.verifiedAt) return view(row);
  const name = verificationRecordName(row.domain);
  const expected = verificationRecordValue(row.verificationToken);
  const found = await lookupTxt(name);
  const checkedAt = new Date();
  if (found.ok && found.records.includes(expected)) return markVerified(db, actor, orgId, id, "dns", checkedAt);
  await db.update(partnerDomain).set({ lastCheckedAt: checkedAt }).where(eq(partnerDomain.id, id));
  const later = "DNS changes can take a while to show; try again later.";
  if (!found.ok && found.reason === "unavailable") throw invalid(`The DNS lookup of ${name} did not answer. ${later}`);
  if (!found.ok || found.records.length === 0) throw invalid(`No TXT record was found at ${name}. ${later}`);
  throw invalid(`The TXT record at ${name} does not have the expected value "${expected}". Check the record's value. ${later}`);
}

/** "Mark as verified": a portal admin vouches for the domain without its DNS record (audited). */
export async function markPartnerDomainVerified(db: Db, actor: Actor, orgId: string, id: string): Promise<PartnerDomainView> {
  assertCan(actor, "domain:mark-verified", orgId);
  return markVerified(db, actor, orgId, id, "admin", null);
}
