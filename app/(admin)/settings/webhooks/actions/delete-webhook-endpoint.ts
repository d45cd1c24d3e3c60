"use server";
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/safe-action";
import { webhookEndpointRefSchema } from "@/lib/validations/webhook";
import { deleteWebhookEndpoint } from "@/lib/webhooks/endpoints";

export const deleteWebhookEndpointAction = adminAction(webhookEndpointRefSchema, async ({ id }, { db, actor }) => {
  await deleteWebhookEndpoint(db, actor, id);
  revalidatePath("/settings/webhooks");
  return undefined;
});
