import { Trash2 } from "lucide-react";
import { deleteMetricAction } from "@/app/(admin)/settings/usage-metrics/actions/delete-metric";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { AGGREGATION_LABEL } from "./labels";
import { MetricDialog, type MetricView } from "./metric-dialog";

/** The business's usage metrics: a handful, so one plain table. */
export function MetricsTable({ metrics, manage }: { metrics: MetricView[]; manage: boolean }) {
  if (metrics.length === 0) return <p className="text-sm text-muted-foreground">No usage metrics yet.</p>;
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">Name</TableHead>
          <TableHead scope="col">Key</TableHead>
          <TableHead scope="col">Unit</TableHead>
          <TableHead scope="col">Aggregation</TableHead>
          <TableHead scope="col">Usage stored</TableHead>
          {manage ? <TableHead scope="col"><span className="sr-only">Actions</span></TableHead> : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {metrics.map((m) => (
          <TableRow key={m.id}>
            <TableCell className="font-medium">{m.name}</TableCell>
            <TableCell className="font-mono text-xs">{m.key}</TableCell>
            <TableCell>{m.unit}</TableCell>
            <TableCell>{AGGREGATION_LABEL[m.aggregation].split(" (")[0]}</TableCell>
            <TableCell>{m.hasUsage ? "Yes" : "No"}</TableCell>
            {manage ? (
              <TableCell className="text-right">
                <MetricDialog metric={m} />
                {m.hasUsage ? null : (
                  <ConfirmDialog
                    trigger={
                      <Button variant="ghost" size="icon" aria-label={`Delete ${m.name}`} title="Delete">
                        <Trash2 aria-hidden />
                      </Button>
                    }
                    title={`Delete "${m.name}"?`}
                    description="No usage is stored for it. Integrators sending its key will get an error."
                    confirmLabel="Delete"
                    action={deleteMetricAction}
                    input={{ id: m.id }}
                    success={`Usage metric "${m.name}" deleted.`}
                  />
                )}
              </TableCell>
            ) : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
