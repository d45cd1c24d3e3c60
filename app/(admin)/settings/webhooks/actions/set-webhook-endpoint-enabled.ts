"use server";
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/safe-action";
import { webhookEnabledSchema } from "@/lib/validations/webhook";
import { setWebhookEndpointEnabled } from "@/lib/webhooks/endpoints";

export const setWebhookEndpointEnabledAction = adminAction(webhookEnabledSchema, async ({ id, enabled }, { db, actor }) => {
  await setWebhookEndpointEnabled(db, actor, id, enabled);
  revalidatePath("/settings/webhooks", "layout");
  return undefined;
});
