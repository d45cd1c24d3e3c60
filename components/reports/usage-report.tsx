import { Download } from "lucide-react";
import type { ReportRow, UsageReport } from "@/lib/reports/usage";
import { UsageCharts } from "./usage-charts";
import { UsageTable } from "./usage-table";

/**
 * A usage report: the table of figures over the period, its CSV, and a daily chart per metric.
 * The data comes from lib/reports/usage.ts; the caller places it on a page and names its rows.
 */
export function UsageReportView({
  report,
  heading,
  rowHeader,
  csvHref,
  rowName,
  rowHref,
  footnote,
}: {
  report: UsageReport;
  heading: string;
  rowHeader: string;
  csvHref: string;
  rowName?: (row: ReportRow) => string;
  rowHref?: (row: ReportRow) => string | undefined;
  footnote?: React.ReactNode;
}) {
  if (report.metrics.length === 0) {
    return (
      <section aria-labelledby="usage-heading" className="space-y-2">
        <h2 id="usage-heading" className="text-lg font-semibold">
          {heading}
        </h2>
        <p className="text-sm text-muted-foreground">No usage metrics are defined yet.</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="usage-heading" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="usage-heading" className="text-lg font-semibold">
          {heading}
        </h2>
        <a href={csvHref} download className="inline-flex h-9 items-center gap-2 rounded-md border px-3 text-sm font-medium hover:bg-accent">
          <Download aria-hidden className="size-4" /> Download CSV
        </a>
      </div>
      <UsageTable caption={heading} rowHeader={rowHeader} metrics={report.metrics} rows={report.rows} rowName={rowName} rowHref={rowHref} />
      {footnote ? <p className="text-sm text-muted-foreground">{footnote}</p> : null}
      <h3 className="text-base font-semibold">Over time</h3>
      <UsageCharts report={report} idPrefix="usage" />
    </section>
  );
}
