"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createPartnerUser } from "@/lib/partners/users";
import { adminAction } from "@/lib/safe-action";
import { createPartnerUserSchema } from "@/lib/validations/partner-user";

const schema = createPartnerUserSchema.extend({ orgId: z.string().min(1).max(100) });

export const createUserAction = adminAction(schema, async ({ orgId, ...input }, { db, actor }) => {
  const user = await createPartnerUser(db, actor, orgId, input);
  revalidatePath(`/settings/profile/partners/${orgId}`);
  return { id: user.id, email: user.email };
});
