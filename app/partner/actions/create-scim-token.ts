"use server";
import { revalidatePath } from "next/cache";
import { partnerAction } from "@/lib/safe-action";
import { createScimToken } from "@/lib/scim/tokens";
import { createScimTokenSchema } from "@/lib/validations/scim";

/** A partner Admin connects their directory: the token is returned this once. */
export const createPartnerScimTokenAction = partnerAction(createScimTokenSchema, async ({ orgId, description }, { db, actor }) => {
  const { token, baseUrl, row } = await createScimToken(db, actor, orgId, { description });
  revalidatePath("/partner", "layout");
  return { id: row.id, token, baseUrl };
});
