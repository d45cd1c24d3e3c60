"use server";
import { revalidatePath } from "next/cache";
import { createApiClient } from "@/lib/api-clients/api-clients";
import { adminAction } from "@/lib/safe-action";
import { createApiClientSchema } from "@/lib/validations/api-client";

/** Returns the secret this once: only its hash is stored. */
export const createApiClientAction = adminAction(createApiClientSchema, async ({ name }, { db, actor }) => {
  const { client, secret } = await createApiClient(db, actor, { name });
  revalidatePath("/settings/api-clients");
  return { id: client.id, name: client.name, secret };
});
