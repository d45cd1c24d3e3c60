import { MetricDialog } from "@/components/usage-metrics/metric-dialog";
import { MetricsTable } from "@/components/usage-metrics/metrics-table";
import { getDb } from "@/db";
import { can } from "@/lib/auth/policy";
import { requireAdminPage } from "@/lib/auth/session";
import { listMetrics } from "@/lib/usage/metrics";

export const metadata = { title: "Usage metrics" };

export default async function UsageMetricsPage() {
  const admin = await requireAdminPage();
  const metrics = await listMetrics(await getDb(), admin);
  const manage = can(admin, "metric:manage");
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Usage metrics</h1>
          <p className="max-w-2xl text-sm text-muted-foreground">
            What your platform reports per customer organisation and day, through <code>POST /api/partner-management/usage</code>. Partners see
            each metric&apos;s total for their organisations in Reports. Once usage is stored for a metric, its key and aggregation are fixed and it
            cannot be deleted; its name and unit can still change.
          </p>
        </div>
        {manage ? <MetricDialog /> : null}
      </div>
      <MetricsTable metrics={metrics.map((m) => ({ id: m.id, key: m.key, name: m.name, unit: m.unit, aggregation: m.aggregation, hasUsage: m.hasUsage }))} manage={manage} />
    </div>
  );
}
