"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createPartnerUser } from "@/lib/partners/users";
import { partnerAction } from "@/lib/safe-action";
import { inviteMemberSchema } from "@/lib/validations/partner-member";

const schema = inviteMemberSchema.extend({ orgId: z.string().min(1).max(100) });

/** A partner Admin invites a teammate: the domain checks the role and the org, and mails the link. */
export const inviteMemberAction = partnerAction(schema, async ({ orgId, ...input }, { db, actor }) => {
  const user = await createPartnerUser(db, actor, orgId, input);
  revalidatePath("/partner", "layout");
  return { id: user.id, email: user.email };
});
