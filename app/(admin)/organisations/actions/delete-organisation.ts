"use server";
import { revalidatePath } from "next/cache";
import { deleteOrganisation } from "@/lib/organisations";
import { adminAction } from "@/lib/safe-action";
import { deleteOrganisationSchema } from "@/lib/validations/organisation";

export const deleteOrganisationAction = adminAction(deleteOrganisationSchema, async ({ id }, { db, actor }) => {
  await deleteOrganisation(db, actor, id);
  revalidatePath("/organisations");
  revalidatePath("/settings/profile/partners", "layout");
  return { id };
});
