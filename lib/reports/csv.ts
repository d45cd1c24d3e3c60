import "server-only";
import { csvRecord } from "@/lib/csv";
import { csvError, csvResponse } from "@/lib/csv-response";
import { DomainError } from "@/lib/errors";
import type { Period } from "./period";
import type { ReportRow, UsageReport } from "./usage";

/**
 * A report's table as CSV: the row name, then one column per metric (its unit in the header), with
 * the period in the first two columns so a file read later says what it covers. Figures are plain
 * numbers (no grouping), empty where there was no usage; cells are neutralised against formulas.
 */
export function reportCsv(report: UsageReport, period: Period, rowHeader: string, rowName: (row: ReportRow) => string = (r) => r.name): string {
  const header = csvRecord(["From", "To", rowHeader, ...report.metrics.map((m) => `${m.name} (${m.unit}, ${m.aggregation})`)]);
  const rows = report.rows.map((r) => csvRecord([period.from, period.to, rowName(r), ...r.values.map((v) => (v === null ? "" : String(v)))]));
  return header + rows.join("");
}

export function reportCsvResponse(text: string, filename: string): Response {
  return csvResponse(new Blob([`\uFEFF${text}`]).stream(), filename);
}

/** Signed out: 401; the domain's refusals as csvError has them. */
export function reportCsvError(err: unknown): Response {
  if (err instanceof DomainError && err.code === "unauthorized") return Response.json({ message: err.message }, { status: 401 });
  return csvError(err);
}
