"use server";
import { revalidatePath } from "next/cache";
import { revokeApiClient } from "@/lib/api-clients/api-clients";
import { adminAction } from "@/lib/safe-action";
import { revokeApiClientSchema } from "@/lib/validations/api-client";

export const revokeApiClientAction = adminAction(revokeApiClientSchema, async ({ id }, { db, actor }) => {
  const client = await revokeApiClient(db, actor, id);
  revalidatePath("/settings/api-clients");
  return { id: client.id, name: client.name };
});
