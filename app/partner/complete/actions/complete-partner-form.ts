"use server";
import { revalidatePath } from "next/cache";
import { config } from "@/lib/config";
import { completePartnerForm } from "@/lib/partners/orgs";
import { partnerAction } from "@/lib/safe-action";
import { createPartnerOrgSchema } from "@/lib/validations/partner-org";

/** The partner form: the same fields and rules as "Create Partner"; submitting approves the organisation. */
export async function completePartnerFormAction(input: unknown) {
  return partnerAction(createPartnerOrgSchema({ salesforceRequired: config.salesforceEnabled() }), async (data, { db, actor }) => {
    const org = await completePartnerForm(db, actor, actor.partnerOrgId, data);
    revalidatePath("/partner");
    return { name: org.name };
  }, { whilePending: true })(input);
}
