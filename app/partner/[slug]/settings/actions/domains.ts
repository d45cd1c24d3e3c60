"use server";
import { revalidatePath } from "next/cache";
import { addPartnerDomain, removePartnerDomain, verifyPartnerDomain } from "@/lib/partners/domains";
import { partnerAction } from "@/lib/safe-action";
import { addDomainSchema, domainActionSchema } from "@/lib/validations/domains";

/** Settings > Domains on the partner's own pages (its Admins). */
export const addPartnerDomainAction = partnerAction(addDomainSchema, async ({ orgId, domain }, { db, actor }) => {
  const row = await addPartnerDomain(db, actor, orgId, { domain });
  revalidatePath("/partner", "layout");
  return { id: row.id, domain: row.domain };
});

export const verifyPartnerDomainAction = partnerAction(domainActionSchema, async ({ orgId, id }, { db, actor }) => {
  const row = await verifyPartnerDomain(db, actor, orgId, id);
  revalidatePath("/partner", "layout");
  return { id: row.id, domain: row.domain };
});

export const removePartnerDomainAction = partnerAction(domainActionSchema, async ({ orgId, id }, { db, actor }) => {
  const removed = await removePartnerDomain(db, actor, orgId, id);
  revalidatePath("/partner", "layout");
  return removed;
});
