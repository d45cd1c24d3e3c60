"use server";
import { revalidatePath } from "next/cache";
import { deletePartnerLogo } from "@/lib/branding/branding";
import { adminAction } from "@/lib/safe-action";
import { deleteLogoSchema } from "@/lib/validations/branding";

/** On the partner organisation page (portal Owners and Admins): "Delete" under a logo. */
export const deleteLogoAction = adminAction(deleteLogoSchema, async ({ orgId, variant }, { db, actor }) => {
  const brand = await deletePartnerLogo(db, actor, orgId, variant);
  revalidatePath(`/settings/profile/partners/${orgId}`);
  revalidatePath("/partner", "layout");
  return { logo: brand.logo, darkLogo: brand.darkLogo };
});
