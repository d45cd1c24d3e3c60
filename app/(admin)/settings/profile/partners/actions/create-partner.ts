"use server";
import { revalidatePath } from "next/cache";
import { config } from "@/lib/config";
import { createPartnerOrg } from "@/lib/partners/orgs";
import { adminAction } from "@/lib/safe-action";
import { createPartnerOrgSchema } from "@/lib/validations/partner-org";

export async function createPartnerAction(input: unknown) {
  return adminAction(createPartnerOrgSchema({ salesforceRequired: config.salesforceEnabled() }), async (data, { db, actor }) => {
    const org = await createPartnerOrg(db, actor, data);
    revalidatePath("/settings/profile/partners");
    return { id: org.id, name: org.name };
  })(input);
}
