"use server";
import { revalidatePath } from "next/cache";
import { updateOrganisation } from "@/lib/organisations";
import { adminAction } from "@/lib/safe-action";
import { updateOrganisationSchema } from "@/lib/validations/organisation";

/** The edit form sends every field: an empty ID removes it. */
export const updateOrganisationAction = adminAction(updateOrganisationSchema, async ({ id, name, zuoraAccountId, salesforceAccountId }, { db, actor }) => {
  const org = await updateOrganisation(db, actor, id, { name, zuoraAccountId: zuoraAccountId ?? null, salesforceAccountId: salesforceAccountId ?? null });
  revalidatePath(`/organisations/${id}`);
  revalidatePath("/organisations");
  return { id: org.id, name: org.name };
});
