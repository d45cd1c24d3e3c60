"use server";
import { revalidatePath } from "next/cache";
import { setPartnerLogo } from "@/lib/branding/branding";
import { partnerAction } from "@/lib/safe-action";
import { uploadLogoSchema } from "@/lib/validations/branding";

/** A partner Admin's "Upload Logo" or "Change" under Partner Logo or Partner Logo (Dark Mode). */
export const uploadLogoAction = partnerAction(uploadLogoSchema, async ({ orgId, variant, file }, { db, actor }) => {
  const brand = await setPartnerLogo(db, actor, orgId, variant, Buffer.from(file, "base64"));
  revalidatePath("/partner", "layout");
  return { logo: brand.logo, darkLogo: brand.darkLogo };
});
