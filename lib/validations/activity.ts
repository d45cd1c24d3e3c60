import { z } from "./zod";
import { plainText } from "./fields";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)))
  .optional()
  .catch(undefined);

/** The Activity page's filters and cursor, read from the URL. Anything malformed is ignored. */
export const activitySearchSchema = z.object({
  actor: plainText(z.string().trim().max(254), "actor").catch(""),
  org: plainText(z.string().trim().max(100), "org").catch(""),
  action: z.string().trim().max(100).regex(/^[a-z_.]*$/).catch(""),
  from: day,
  to: day,
  after: z.string().max(1000).optional().catch(undefined),
  before: z.string().max(1000).optional().catch(undefined),
  size: z.coerce.number().int().pipe(z.union([z.literal(25), z.literal(50), z.literal(100)])).catch(50),
});
export type ActivitySearch = z.output<typeof activitySearchSchema>;

/** An Activity export: the page's filters, but a malformed actor or org filter is refused (400), not dropped. */
export const activityExportSearchSchema = activitySearchSchema.extend({
  actor: plainText(z.string().trim().max(254, { error: "actor must be at most 254 characters." }), "actor").default(""),
  org: plainText(z.string().trim().max(100, { error: "org must be at most 100 characters." }), "org").default(""),
});

const strictDay = (name: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${name} must be a date like 2026-01-31.` })
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), { error: `${name} must be a date like 2026-01-31.` })
    .optional();

/** GET /api/partner-management/activity: the Activity page's filters, refused (400) rather than ignored when malformed. */
export const activityApiQuerySchema = z.object({
  actor: plainText(z.string().trim().max(254, { error: "actor must be at most 254 characters." }), "actor").default(""),
  org: plainText(z.string().trim().max(100, { error: "org must be at most 100 characters." }), "org").default(""),
  action: z.string().trim().max(100).regex(/^[a-z_.]*$/, { error: "action must be an action name such as partner_org.created." }).default(""),
  from: strictDay("from"),
  to: strictDay("to"),
});

/** GET /api/partner-management/events: resume after an event already processed. */
export const eventsApiQuerySchema = z.object({
  after: z.string().trim().min(1).max(100, { error: "after must be the id of an event." }).optional(),
});
