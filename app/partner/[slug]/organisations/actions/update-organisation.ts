"use server";
import { revalidatePath } from "next/cache";
import { updateOrganisation } from "@/lib/organisations";
import { partnerAction } from "@/lib/safe-action";
import { updateOrganisationSchema } from "@/lib/validations/organisation";

/** The organisation's settings form sends every field: an empty ID removes it. */
export const updateOrganisationAction = partnerAction(updateOrganisationSchema, async ({ id, name, zuoraAccountId, salesforceAccountId }, { db, actor }) => {
  const org = await updateOrganisation(db, actor, id, { name, zuoraAccountId: zuoraAccountId ?? null, salesforceAccountId: salesforceAccountId ?? null });
  revalidatePath("/partner", "layout");
  return { id: org.id, name: org.name };
});
