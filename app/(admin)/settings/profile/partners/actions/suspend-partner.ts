"use server";
import { revalidatePath } from "next/cache";
import { suspendPartnerOrg } from "@/lib/partners/suspension";
import { adminAction } from "@/lib/safe-action";
import { suspendPartnerOrgSchema } from "@/lib/validations/partner-org";

export const suspendPartnerAction = adminAction(suspendPartnerOrgSchema, async ({ id, reason }, { db, actor }) => {
  await suspendPartnerOrg(db, actor, id, reason);
  revalidatePath(`/settings/profile/partners/${id}`);
  return { id };
});
