"use server";
import { revalidatePath } from "next/cache";
import { deleteOrganisation } from "@/lib/organisations";
import { partnerAction } from "@/lib/safe-action";
import { deleteOrganisationSchema } from "@/lib/validations/organisation";

export const deleteOrganisationAction = partnerAction(deleteOrganisationSchema, async ({ id }, { db, actor }) => {
  await deleteOrganisation(db, actor, id);
  revalidatePath("/partner", "layout");
  return { id };
});
