import { z } from "zod";
import { EVENT_TYPES } from "@/lib/events/types";

const URL_REQUIRED = "Endpoint URL is required.";
const URL_INVALID = "Enter the full URL, e.g. https://example.com/webhooks.";

/**
 * Settings > Webhooks > Add endpoint. The URL is https (http only where the server allows private
 * addresses, for local use: the domain decides, as it knows the setting). "All event types" is the
 * default; otherwise at least one type is chosen.
 */
export const webhookEndpointSchema = z
  .object({
    url: z
      .string({ error: URL_REQUIRED })
      .trim()
      .min(1, { error: URL_REQUIRED })
      .max(2000, { error: "Endpoint URL must be at most 2000 characters." })
      .refine((v) => {
        try {
          const u = new URL(v);
          return (u.protocol === "https:" || u.protocol === "http:") && Boolean(u.hostname);
        } catch {
          return false;
        }
      }, { error: URL_INVALID })
      .refine((v) => !/^[a-z]+:\/\/[^/?#]*@/i.test(v), { error: "The URL must not contain a user name or password." }),
    allTypes: z.boolean(),
    eventTypes: z.array(z.enum(EVENT_TYPES)).max(EVENT_TYPES.length),
  })
  .refine((v) => v.allTypes || v.eventTypes.length > 0, { error: "Choose at least one event type.", path: ["eventTypes"] });
export type WebhookEndpointFormValues = z.input<typeof webhookEndpointSchema>;

export const webhookEndpointRefSchema = z.object({ id: z.string().min(1).max(100) });
export const webhookEnabledSchema = z.object({ id: z.string().min(1).max(100), enabled: z.boolean() });
export const webhookResendSchema = z.object({ endpointId: z.string().min(1).max(100), deliveryId: z.number().int().positive() });

/** The delivery log's page cursor, read from the URL. */
export const webhookLogSearchSchema = z.object({
  after: z.coerce.number().int().positive().optional().catch(undefined),
});
