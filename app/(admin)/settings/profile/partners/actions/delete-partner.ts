"use server";
import { revalidatePath } from "next/cache";
import { deletePartnerOrg } from "@/lib/partners/orgs";
import { adminAction } from "@/lib/safe-action";
import { deletePartnerOrgSchema } from "@/lib/validations/partner-org";

export const deletePartnerAction = adminAction(deletePartnerOrgSchema, async ({ id }, { db, actor }) => {
  await deletePartnerOrg(db, actor, id);
  revalidatePath("/settings/profile/partners");
  revalidatePath("/organisations", "layout");
  return { id };
});
