"use server";
import { revalidatePath } from "next/cache";
import { createOrganisation } from "@/lib/organisations";
import { adminAction } from "@/lib/safe-action";
import { createOrganisationSchema } from "@/lib/validations/organisation";

/** "Create an Organisation" in the admin app: under a partner, or with none. */
export const createOrganisationAction = adminAction(createOrganisationSchema, async (input, { db, actor }) => {
  const org = await createOrganisation(db, actor, input);
  revalidatePath("/organisations");
  if (org.partnerOrgId) revalidatePath(`/settings/profile/partners/${org.partnerOrgId}`);
  return { id: org.id, name: org.name };
});
