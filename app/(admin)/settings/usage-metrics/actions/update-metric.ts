"use server";
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/safe-action";
import { updateMetric } from "@/lib/usage/metrics";
import { updateMetricSchema } from "@/lib/validations/usage-metric";

export const updateMetricAction = adminAction(updateMetricSchema, async (input, { db, actor }) => {
  const metric = await updateMetric(db, actor, input);
  revalidatePath("/settings/usage-metrics");
  return { id: metric.id, name: metric.name };
});
