import { z } from "./zod";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)))
  .optional()
  .catch(undefined);

/** The Activity page's filters and cursor, read from the URL. Anything malformed is ignored. */
export const activitySearchSchema = z.object({
  actor: z.string().trim().max(254).catch(""),
  org: z.string().trim().max(100).catch(""),
  action: z.string().trim().max(100).regex(/^[a-z_.]*$/).catch(""),
  from: day,
  to: day,
  after: z.string().max(1000).optional().catch(undefined),
  before: z.string().max(1000).optional().catch(undefined),
  size: z.coerce.number().int().pipe(z.union([z.literal(25), z.literal(50), z.literal(100)])).catch(50),
});
export type ActivitySearch = z.output<typeof activitySearchSchema>;
