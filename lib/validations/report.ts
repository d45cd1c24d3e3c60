import { z } from "zod";
import { isCalendarDate } from "./usage";

/**
 * A report's period, from the URL: the last 7, 30 or 90 days (today, a UTC date, and the days
 * before it) or custom dates. Bad values fall back to the default rather than failing the page.
 */
export const PRESET_PERIODS = ["7d", "30d", "90d"] as const;
export const MAX_PERIOD_DAYS = 366;

const day = z.string().refine(isCalendarDate, { error: "Enter a date as YYYY-MM-DD." });

export const reportPeriodSchema = z
  .object({
    period: z.enum([...PRESET_PERIODS, "custom"]).catch("30d"),
    from: day.optional(),
    to: day.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.period !== "custom") return;
    if (!v.from) ctx.addIssue({ code: "custom", path: ["from"], message: "Enter the first day of the period." });
    if (!v.to) ctx.addIssue({ code: "custom", path: ["to"], message: "Enter the last day of the period." });
    if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: "custom", path: ["to"], message: "The last day must not be before the first." });
  });
export type ReportPeriodSearch = z.output<typeof reportPeriodSchema>;
