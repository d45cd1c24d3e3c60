import type { UsageReport } from "@/lib/reports/usage";
import { formatFigure, shortDay } from "./format";
import { TimeChart } from "./time-chart";

/** A summary a screen reader user can take in at once: the period's figure and its biggest day. */
function summaryOf(metric: UsageReport["metrics"][number], values: (number | null)[], days: string[]): string {
  const withUsage = values.map((v, i) => ({ v, day: days[i]! })).filter((p): p is { v: number; day: string } => p.v !== null);
  if (withUsage.length === 0) return "No usage in this period.";
  const top = withUsage.reduce((a, b) => (b.v > a.v ? b : a));
  const overall = metric.aggregation === "sum" ? withUsage.reduce((s, p) => s + p.v, 0) : top.v;
  return `${metric.aggregation === "sum" ? "Total" : "Highest"} ${formatFigure(overall)} ${metric.unit} over ${days.length} days; the highest day was ${shortDay(top.day)} (${formatFigure(top.v)} ${metric.unit}); ${withUsage.length} ${withUsage.length === 1 ? "day" : "days"} with usage.`;
}

/** One daily chart per metric. */
export function UsageCharts({ report, idPrefix }: { report: UsageReport; idPrefix: string }) {
  const days = report.series.map((s) => s.day);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {report.metrics.map((m, i) => {
        const values = report.series.map((s) => s.values[i] ?? null);
        return (
          <TimeChart
            key={m.id}
            id={`${idPrefix}-${m.key}`}
            title={`${m.name} per day${m.aggregation === "max" ? " (highest organisation)" : ""}`}
            unit={m.unit}
            colour={(i % 5) + 1}
            points={days.map((day, j) => ({ label: shortDay(day), value: values[j] ?? null }))}
            summary={summaryOf(m, values, days)}
          />
        );
      })}
    </div>
  );
}
