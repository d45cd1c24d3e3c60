"use server";
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/safe-action";
import { createScimToken } from "@/lib/scim/tokens";
import { createScimTokenSchema } from "@/lib/validations/scim";

/** Returns the token this once, with the base URL: only a hash of the token is stored. */
export const createScimTokenAction = adminAction(createScimTokenSchema, async ({ orgId, description }, { db, actor }) => {
  const { token, baseUrl, row } = await createScimToken(db, actor, orgId, { description });
  revalidatePath(`/settings/profile/partners/${orgId}`);
  return { id: row.id, token, baseUrl };
});
