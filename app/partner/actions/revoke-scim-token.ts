"use server";
import { revalidatePath } from "next/cache";
import { partnerAction } from "@/lib/safe-action";
import { revokeScimToken } from "@/lib/scim/tokens";
import { revokeScimTokenSchema } from "@/lib/validations/scim";

export const revokePartnerScimTokenAction = partnerAction(revokeScimTokenSchema, async ({ orgId, id }, { db, actor }) => {
  await revokeScimToken(db, actor, orgId, id);
  revalidatePath("/partner", "layout");
  return { id };
});
