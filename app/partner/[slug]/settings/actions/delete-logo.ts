"use server";
import { revalidatePath } from "next/cache";
import { deletePartnerLogo } from "@/lib/branding/branding";
import { partnerAction } from "@/lib/safe-action";
import { deleteLogoSchema } from "@/lib/validations/branding";

/** A partner Admin's "Delete" under a logo. */
export const deleteLogoAction = partnerAction(deleteLogoSchema, async ({ orgId, variant }, { db, actor }) => {
  const brand = await deletePartnerLogo(db, actor, orgId, variant);
  revalidatePath("/partner", "layout");
  return { logo: brand.logo, darkLogo: brand.darkLogo };
});
