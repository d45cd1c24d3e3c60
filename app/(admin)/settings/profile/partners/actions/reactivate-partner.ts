"use server";
import { revalidatePath } from "next/cache";
import { reactivatePartnerOrg } from "@/lib/partners/suspension";
import { adminAction } from "@/lib/safe-action";
import { reactivatePartnerOrgSchema } from "@/lib/validations/partner-org";

export const reactivatePartnerAction = adminAction(reactivatePartnerOrgSchema, async ({ id }, { db, actor }) => {
  await reactivatePartnerOrg(db, actor, id);
  revalidatePath(`/settings/profile/partners/${id}`);
  return { id };
});
