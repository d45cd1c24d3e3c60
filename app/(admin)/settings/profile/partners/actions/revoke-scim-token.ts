"use server";
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/safe-action";
import { revokeScimToken } from "@/lib/scim/tokens";
import { revokeScimTokenSchema } from "@/lib/validations/scim";

export const revokeScimTokenAction = adminAction(revokeScimTokenSchema, async ({ orgId, id }, { db, actor }) => {
  await revokeScimToken(db, actor, orgId, id);
  revalidatePath(`/settings/profile/partners/${orgId}`);
  return { id };
});
