import { z } from "zod";
import { nameText } from "./fields";

/** Usage metrics (Settings > Usage metrics): one schema per input, for the forms and the actions alike. */
export const usageAggregationValues = ["sum", "max"] as const;

export const metricKeyField = z
  .string({ error: "Key is required." })
  .trim()
  .min(1, { error: "Key is required." })
  .max(63, { error: "Key must be at most 63 characters." })
  .regex(/^[a-z][a-z0-9_]*$/, { error: "Key must be lowercase snake case: a letter, then letters, digits or underscores (e.g. gb_transferred)." });

export const metricNameField = nameText(
  z.string({ error: "Name is required." }).trim().min(1, { error: "Name is required." }).max(100, { error: "Name must be at most 100 characters." }),
  "Name",
);

export const metricUnitField = z
  .string({ error: "Unit is required." })
  .trim()
  .min(1, { error: "Unit is required." })
  .max(30, { error: "Unit must be at most 30 characters." });

export const metricAggregationField = z.enum(usageAggregationValues, { error: "Choose how the metric adds up: Sum or Maximum." });

export const createMetricSchema = z.object({
  key: metricKeyField,
  name: metricNameField,
  unit: metricUnitField,
  aggregation: metricAggregationField,
});
export type CreateMetricInput = z.output<typeof createMetricSchema>;
export type MetricFormValues = z.input<typeof createMetricSchema>;

/** Every field is sent; the key and the aggregation may change only while the metric has no usage. */
export const updateMetricSchema = createMetricSchema.extend({ id: z.string().trim().min(1).max(100) });
export type UpdateMetricInput = z.output<typeof updateMetricSchema>;

export const deleteMetricSchema = z.object({ id: z.string().trim().min(1).max(100) });
