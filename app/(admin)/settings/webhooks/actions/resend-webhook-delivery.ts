"use server";
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/safe-action";
import { webhookResendSchema } from "@/lib/validations/webhook";
import { resendWebhookDelivery } from "@/lib/webhooks/endpoints";

export const resendWebhookDeliveryAction = adminAction(webhookResendSchema, async ({ endpointId, deliveryId }, { db, actor }) => {
  await resendWebhookDelivery(db, actor, endpointId, deliveryId);
  revalidatePath(`/settings/webhooks/${endpointId}`);
  return undefined;
});
