"use server";
import { revalidatePath } from "next/cache";
import { removePartnerMember } from "@/lib/partners/members";
import { partnerAction } from "@/lib/safe-action";
import { memberRefSchema } from "@/lib/validations/partner-member";

export const removeMemberAction = partnerAction(memberRefSchema, async ({ orgId, userId }, { db, actor }) => {
  await removePartnerMember(db, actor, orgId, userId);
  revalidatePath("/partner", "layout");
  return { userId };
});
