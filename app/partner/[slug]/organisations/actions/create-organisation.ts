"use server";
import { revalidatePath } from "next/cache";
import { createOrganisation } from "@/lib/organisations";
import { partnerAction } from "@/lib/safe-action";
import { createPartnerOrganisationSchema } from "@/lib/validations/organisation";

/** "Create an Organisation" on the partner pages: under the partner account named (the domain checks it is the caller's). */
export const createOrganisationAction = partnerAction(createPartnerOrganisationSchema, async (input, { db, actor }) => {
  const org = await createOrganisation(db, actor, input);
  revalidatePath("/partner", "layout");
  return { id: org.id, name: org.name };
});
