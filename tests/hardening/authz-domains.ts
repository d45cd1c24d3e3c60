/**
 * The authorization table's part for verified domains and the email-first partner sign-in: the
 * Domains actions of the admin app and the partner pages, each on a domain of its own of the
 * target organisation. Spread into authz-table.ts.
 */
import { eq, sql } from "drizzle-orm";
import { systemActor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/policy";
import { addPartnerDomain, markPartnerDomainVerified } from "@/lib/partners/domains";
import { partnerDomain } from "@/db/schema";
import type { ActionSpec, Cleanup, Rule } from "./authz-table";
import { uniq, type Target, type World } from "./world";

const rule = (door: Rule["door"], ...needs: Permission[]): Rule => ({ door, needs });
const org = (w: World, t: Target) => (t === "A" ? w.orgA : w.orgB);
const freshDomain = () => `${uniq("dom").toLowerCase()}.matrix.example`;
/** A domain of the target, not verified. */
const domainOf = async (w: World, t: Target) => (await addPartnerDomain(w.database.db, systemActor, org(w, t).id, { domain: freshDomain() })).id;
/** A verified domain of the target: "Verify" answers it at once, without asking DNS. */
const verifiedDomainOf = async (w: World, t: Target) => (await markPartnerDomainVerified(w.database.db, systemActor, org(w, t).id, await domainOf(w, t))).id;

/** Each cell's domains go afterwards: a partner may hold only so many. */
const cleanup: Cleanup = async (w, t) => {
  await w.database.db.delete(partnerDomain).where(eq(partnerDomain.partnerOrgId, org(w, t).id));
};
const add = (door: Rule["door"]): ActionSpec => ({ args: async (w, t) => ({ orgId: org(w, t).id, domain: freshDomain() }), rule: rule(door, "sso:manage"), cleanup });
const verify = (door: Rule["door"]): ActionSpec => ({ args: async (w, t) => ({ orgId: org(w, t).id, id: await verifiedDomainOf(w, t) }), rule: rule(door, "sso:manage"), cleanup });
const remove = (door: Rule["door"]): ActionSpec => ({ args: async (w, t) => ({ orgId: org(w, t).id, id: await domainOf(w, t) }), rule: rule(door, "sso:manage"), cleanup });

export const DOMAIN_ACTIONS: Record<string, ActionSpec> = {
  "app/(admin)/settings/profile/partners/actions/domains.ts#addDomainAction": add("admin"),
  "app/(admin)/settings/profile/partners/actions/domains.ts#verifyDomainAction": verify("admin"),
  "app/(admin)/settings/profile/partners/actions/domains.ts#removeDomainAction": remove("admin"),
  "app/(admin)/settings/profile/partners/actions/domains.ts#markDomainVerifiedAction": {
    args: async (w, t) => ({ orgId: org(w, t).id, id: await domainOf(w, t) }),
    rule: rule("admin", "domain:mark-verified"),
    cleanup,
  },
  "app/partner/[slug]/settings/actions/domains.ts#addPartnerDomainAction": add("partner"),
  "app/partner/[slug]/settings/actions/domains.ts#verifyPartnerDomainAction": verify("partner"),
  "app/partner/[slug]/settings/actions/domains.ts#removePartnerDomainAction": remove("partner"),
  // Public by design: the answer depends on the email's domain only. Every caller posts from one
  // address: its per-address limit is cleared after each call.
  "app/partner/actions/sign-in-route.ts#partnerSignInRouteAction": {
    args: async () => ({ email: `${uniq("who")}@matrix.example` }),
    rule: rule("public"),
    cleanup: async (w) => {
      await w.database.db.execute(sql`delete from rate_limit where key like 'signin-route-addr:%'`);
    },
  },
};
