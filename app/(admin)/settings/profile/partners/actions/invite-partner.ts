"use server";
import { revalidatePath } from "next/cache";
import { invitePartnerOrg } from "@/lib/partners/invite-partner";
import { adminAction } from "@/lib/safe-action";
import { invitePartnerOrgSchema } from "@/lib/validations/partner-org";

export const invitePartnerAction = adminAction(invitePartnerOrgSchema, async (input, { db, actor }) => {
  const { org, contact } = await invitePartnerOrg(db, actor, input);
  revalidatePath("/settings/profile/partners");
  return { id: org.id, name: org.name, email: contact.email };
});
