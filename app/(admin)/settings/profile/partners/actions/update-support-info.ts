"use server";
import { revalidatePath } from "next/cache";
import { updateSupportInfo } from "@/lib/branding/branding";
import { adminAction } from "@/lib/safe-action";
import { updateSupportInfoSchema } from "@/lib/validations/branding";

/** On the partner organisation page (portal Owners and Admins): "Support Information" > "Save". */
export const updateSupportInfoAction = adminAction(updateSupportInfoSchema, async ({ orgId, supportInfo }, { db, actor }) => {
  const brand = await updateSupportInfo(db, actor, orgId, supportInfo);
  revalidatePath(`/settings/profile/partners/${orgId}`);
  revalidatePath("/partner", "layout");
  return { supportInfo: brand.supportInfo };
});
