"use server";
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/safe-action";
import { deleteMetric } from "@/lib/usage/metrics";
import { deleteMetricSchema } from "@/lib/validations/usage-metric";

export const deleteMetricAction = adminAction(deleteMetricSchema, async ({ id }, { db, actor }) => {
  await deleteMetric(db, actor, id);
  revalidatePath("/settings/usage-metrics");
  return undefined;
});
