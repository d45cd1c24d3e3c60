"use server";
import { revalidatePath } from "next/cache";
import { updateSupportInfo } from "@/lib/branding/branding";
import { partnerAction } from "@/lib/safe-action";
import { updateSupportInfoSchema } from "@/lib/validations/branding";

/** A partner Admin's "Support Information" > "Save". */
export const updateSupportInfoAction = partnerAction(updateSupportInfoSchema, async ({ orgId, supportInfo }, { db, actor }) => {
  const brand = await updateSupportInfo(db, actor, orgId, supportInfo);
  revalidatePath("/partner", "layout");
  return { supportInfo: brand.supportInfo };
});
