"use server";
import { revalidatePath } from "next/cache";
import { moveOrganisation } from "@/lib/organisations";
import { partnerAction } from "@/lib/safe-action";
import { moveOrganisationSchema } from "@/lib/validations/organisation";

/**
 * "Move Organisation to another Partner" from the partner pages. The domain lets a partner user
 * move an organisation only between partner accounts they may manage: their own, or "No partner".
 */
export const moveOrganisationAction = partnerAction(moveOrganisationSchema, async ({ id, partnerOrgId }, { db, actor }) => {
  const org = await moveOrganisation(db, actor, id, partnerOrgId);
  revalidatePath("/partner", "layout");
  return { id: org.id, partnerOrgId: org.partnerOrgId };
});
