"use server";
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/safe-action";
import { webhookEndpointSchema } from "@/lib/validations/webhook";
import { createWebhookEndpoint } from "@/lib/webhooks/endpoints";

/** Returns the signing secret this once: only an encrypted copy is kept, and it is never shown again. */
export const createWebhookEndpointAction = adminAction(webhookEndpointSchema, async (input, { db, actor }) => {
  const { endpoint, secret } = await createWebhookEndpoint(db, actor, { url: input.url, eventTypes: input.allTypes ? null : input.eventTypes });
  revalidatePath("/settings/webhooks");
  return { id: endpoint.id, url: endpoint.url, secret };
});
