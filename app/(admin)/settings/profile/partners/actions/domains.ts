"use server";
import { revalidatePath } from "next/cache";
import { addPartnerDomain, markPartnerDomainVerified, removePartnerDomain, verifyPartnerDomain } from "@/lib/partners/domains";
import { adminAction } from "@/lib/safe-action";
import { addDomainSchema, domainActionSchema } from "@/lib/validations/domains";

/** Settings > Domains on the admin app's partner organisation page. */
export const addDomainAction = adminAction(addDomainSchema, async ({ orgId, domain }, { db, actor }) => {
  const row = await addPartnerDomain(db, actor, orgId, { domain });
  revalidatePath(`/settings/profile/partners/${orgId}`);
  return { id: row.id, domain: row.domain };
});

export const verifyDomainAction = adminAction(domainActionSchema, async ({ orgId, id }, { db, actor }) => {
  const row = await verifyPartnerDomain(db, actor, orgId, id);
  revalidatePath(`/settings/profile/partners/${orgId}`);
  return { id: row.id, domain: row.domain };
});

/** A portal admin vouches for the domain without its DNS record ("domain:mark-verified"). */
export const markDomainVerifiedAction = adminAction(domainActionSchema, async ({ orgId, id }, { db, actor }) => {
  const row = await markPartnerDomainVerified(db, actor, orgId, id);
  revalidatePath(`/settings/profile/partners/${orgId}`);
  return { id: row.id, domain: row.domain };
});

export const removeDomainAction = adminAction(domainActionSchema, async ({ orgId, id }, { db, actor }) => {
  const removed = await removePartnerDomain(db, actor, orgId, id);
  revalidatePath(`/settings/profile/partners/${orgId}`);
  return removed;
});
