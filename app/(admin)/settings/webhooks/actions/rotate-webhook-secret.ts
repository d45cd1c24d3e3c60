"use server";
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/safe-action";
import { webhookEndpointRefSchema } from "@/lib/validations/webhook";
import { rotateWebhookSecret } from "@/lib/webhooks/endpoints";

export const rotateWebhookSecretAction = adminAction(webhookEndpointRefSchema, async ({ id }, { db, actor }) => {
  const { secret, previousValidUntil } = await rotateWebhookSecret(db, actor, id);
  revalidatePath(`/settings/webhooks/${id}`);
  return { secret, previousValidUntil: previousValidUntil.toISOString() };
});
