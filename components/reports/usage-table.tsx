import Link from "next/link";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ReportMetric, ReportRow } from "@/lib/reports/usage";
import { formatFigure } from "./format";

/** The most rows a page shows; the CSV download has them all. */
export const MAX_TABLE_ROWS = 1000;

/** One row per organisation (or partner), one column per metric: its sum or maximum over the period. */
export function UsageTable({
  caption,
  rowHeader,
  metrics,
  rows,
  rowName = (r) => r.name,
  rowHref,
}: {
  caption: string;
  rowHeader: string;
  metrics: ReportMetric[];
  rows: ReportRow[];
  rowName?: (row: ReportRow) => string;
  rowHref?: (row: ReportRow) => string | undefined;
}) {
  const shown = rows.slice(0, MAX_TABLE_ROWS);
  return (
    <div className="space-y-2">
      <Table aria-label={caption}>
        <TableHeader>
          <TableRow>
            <TableHead scope="col">{rowHeader}</TableHead>
            {metrics.map((m) => (
              <TableHead key={m.id} scope="col" className="text-right">
                {m.name} ({m.unit}){m.aggregation === "max" ? <span className="font-normal"> · max</span> : null}
              </TableHead>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {shown.length === 0 ? (
            <TableRow>
              <TableCell colSpan={metrics.length + 1} className="text-muted-foreground">
                No usage in this period.
              </TableCell>
            </TableRow>
          ) : (
            shown.map((row) => {
              const href = rowHref?.(row);
              return (
                <TableRow key={row.id ?? "none"}>
                  <TableHead scope="row" className="font-medium text-foreground">
                    {href ? (
                      <Link href={href} className="underline-offset-4 hover:underline">
                        {rowName(row)}
                      </Link>
                    ) : (
                      rowName(row)
                    )}
                  </TableHead>
                  {row.values.map((v, i) => (
                    <TableCell key={metrics[i]!.id} className="text-right tabular-nums">
                      {formatFigure(v)}
                    </TableCell>
                  ))}
                </TableRow>
              );
            })
          )}
        </TableBody>
      </Table>
      {rows.length > shown.length ? (
        <p className="text-sm text-muted-foreground">
          Showing {shown.length.toLocaleString("en-GB")} of {rows.length.toLocaleString("en-GB")} rows: download the CSV for all of them.
        </p>
      ) : null}
    </div>
  );
}
