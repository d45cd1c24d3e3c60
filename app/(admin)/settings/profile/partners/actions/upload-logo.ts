"use server";
import { revalidatePath } from "next/cache";
import { setPartnerLogo } from "@/lib/branding/branding";
import { adminAction } from "@/lib/safe-action";
import { uploadLogoSchema } from "@/lib/validations/branding";

/** On the partner organisation page (portal Owners and Admins): "Upload Logo" or "Change" under Partner Logo or Partner Logo (Dark Mode). */
export const uploadLogoAction = adminAction(uploadLogoSchema, async ({ orgId, variant, file }, { db, actor }) => {
  const brand = await setPartnerLogo(db, actor, orgId, variant, Buffer.from(file, "base64"));
  revalidatePath(`/settings/profile/partners/${orgId}`);
  revalidatePath("/partner", "layout");
  return { logo: brand.logo, darkLogo: brand.darkLogo };
});
