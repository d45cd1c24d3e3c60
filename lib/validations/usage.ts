import { z } from "zod";

/**
 * The usage ingestion body (POST /api/partner-management/usage). Each record is checked on its own,
 * so a 400 can say which records failed and why.
 */
export const MAX_USAGE_RECORDS = 1000;
/** Quantities are stored as numeric(18, 6): at most 12 digits before the point and 6 after. */
export const MAX_QUANTITY = 999_999_999_999;
export const QUANTITY_DECIMALS = 6;
/** The earliest day accepted: older usage is most likely a wrong date. */
export const EARLIEST_USAGE_DAY = "2000-01-01";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  if (!DAY.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Today's UTC date plus `days`, as YYYY-MM-DD. */
export function utcDay(days = 0, now = new Date()): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days));
  return d.toISOString().slice(0, 10);
}

function decimalsOf(n: number): number {
  const [mantissa, exponent] = String(n).toLowerCase().split("e");
  const fraction = mantissa!.split(".")[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent ?? 0));
}

export const usageRecordSchema = z.object({
  id: z
    .string({ error: "id (the idempotency key) is required." })
    .min(1, { error: "id (the idempotency key) is required." })
    .max(200, { error: "id must be at most 200 characters." })
    .regex(/^[\x21-\x7e]+$/, { error: "id may contain only printable ASCII characters, without spaces." })
    .meta({ description: "Your idempotency key for this record: a record whose id is already stored is ignored, so retries never count twice." }),
  organisationId: z
    .string({ error: "organisationId is required." })
    .min(1, { error: "organisationId is required." })
    .max(100, { error: "organisationId is not a customer organisation's id." })
    .meta({ description: "The customer organisation's id." }),
  metric: z
    .string({ error: "metric is required." })
    .min(1, { error: "metric is required." })
    .max(63, { error: "metric is not a usage metric's key." })
    .meta({ description: "The usage metric's key, e.g. gb_transferred." }),
  quantity: z
    .number({ error: "quantity must be a number." })
    .refine(Number.isFinite, { error: "quantity must be a finite number." })
    .refine((n) => n >= 0, { error: "quantity must not be negative." })
    .refine((n) => n <= MAX_QUANTITY, { error: `quantity must be at most ${MAX_QUANTITY.toLocaleString("en-GB")}.` })
    .refine((n) => decimalsOf(n) <= QUANTITY_DECIMALS, { error: `quantity may have at most ${QUANTITY_DECIMALS} decimal places.` })
    .meta({ description: `The usage on that day, in the metric's unit: 0 or more, at most ${QUANTITY_DECIMALS} decimal places.` }),
  date: z
    .string({ error: "date is required (YYYY-MM-DD)." })
    .refine(isCalendarDate, { error: "date must be a real calendar date written YYYY-MM-DD." })
    .refine((d) => !isCalendarDate(d) || d >= EARLIEST_USAGE_DAY, { error: `date must not be before ${EARLIEST_USAGE_DAY}.` })
    // Tomorrow is allowed: a platform a few hours ahead of UTC may already report its "today".
    .refine((d) => !isCalendarDate(d) || d <= utcDay(1), { error: "date must not be in the future (UTC)." })
    .meta({ description: "The day of the usage, a UTC date (YYYY-MM-DD). Not in the future." }),
});
export type UsageRecordInput = z.output<typeof usageRecordSchema>;

export const usageBodySchema = z.object({
  records: z
    .array(z.unknown(), { error: "records must be an array of usage records." })
    .min(1, { error: "records must hold at least one record." })
    .max(MAX_USAGE_RECORDS, { error: `records may hold at most ${MAX_USAGE_RECORDS.toLocaleString("en-GB")} records a request.` }),
});

/** For the OpenAPI document: the body as documented (records validated one by one at run time). */
export const usageBodyDocSchema = z.object({
  records: z.array(usageRecordSchema).min(1).max(MAX_USAGE_RECORDS).meta({ description: `1 to ${MAX_USAGE_RECORDS} usage records.` }),
});

export const usageResultSchema = z.object({
  accepted: z.number().int().meta({ description: "Records stored by this request." }),
  duplicates: z.number().int().meta({ description: "Records ignored because their id was already stored (or appeared earlier in this request)." }),
});

export const usageRejectedSchema = z.object({
  message: z.string(),
  errors: z
    .array(z.object({ index: z.number().int().meta({ description: "The record's position in `records`, from 0." }), id: z.string().optional(), message: z.string() }))
    .meta({ description: "Every record that failed and why. Nothing of the request was stored." }),
});
