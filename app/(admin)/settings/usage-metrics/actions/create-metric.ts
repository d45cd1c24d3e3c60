"use server";
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/safe-action";
import { createMetric } from "@/lib/usage/metrics";
import { createMetricSchema } from "@/lib/validations/usage-metric";

export const createMetricAction = adminAction(createMetricSchema, async (input, { db, actor }) => {
  const metric = await createMetric(db, actor, input);
  revalidatePath("/settings/usage-metrics");
  return { id: metric.id, name: metric.name };
});
