"use server";
import { revalidatePath } from "next/cache";
import { moveOrganisation } from "@/lib/organisations";
import { adminAction } from "@/lib/safe-action";
import { moveOrganisationSchema } from "@/lib/validations/organisation";

/** "Move Organisation to another Partner": any partner, or "No partner". */
export const moveOrganisationAction = adminAction(moveOrganisationSchema, async ({ id, partnerOrgId }, { db, actor }) => {
  const org = await moveOrganisation(db, actor, id, partnerOrgId);
  revalidatePath(`/organisations/${id}`);
  revalidatePath("/organisations");
  revalidatePath("/settings/profile/partners", "layout");
  return { id: org.id, partnerOrgId: org.partnerOrgId };
});
