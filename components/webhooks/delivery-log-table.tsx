"use client";
import { createColumnHelper } from "@tanstack/react-table";
import { useMemo } from "react";
import { resendWebhookDeliveryAction } from "@/app/(admin)/settings/webhooks/actions/resend-webhook-delivery";
import { useAction } from "@/components/forms/use-action";
import { DataTable, type CoreFeatures } from "@/components/data-table/data-table";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";

export interface AttemptRowView {
  id: number;
  deliveryId: number;
  at: string;
  eventType: string;
  eventId: string;
  attempt: number;
  succeeded: boolean;
  status: string;
  durationMs: number;
  response: string;
  /** The delivery is finished (delivered or given up), so it can be sent again. */
  resendable: boolean;
}

const helper = createColumnHelper<CoreFeatures, AttemptRowView>();

function ResendButton({ endpointId, row }: { endpointId: string; row: AttemptRowView }) {
  const { run, pending } = useAction(resendWebhookDeliveryAction, { success: `${row.eventType} will be sent again.` });
  return (
    <Button
      variant="outline"
      size="sm"
      disabled={pending}
      aria-label={`Resend ${row.eventType} ${row.eventId}`}
      onClick={() => run({ endpointId, deliveryId: row.deliveryId })}
    >
      Resend
    </Button>
  );
}

/** Every attempt, newest first: event, attempt, status, response time and the start of the answer. */
export function DeliveryLogTable({ endpointId, rows, manage }: { endpointId: string; rows: AttemptRowView[]; manage: boolean }) {
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor("at", { header: "Time", cell: (info) => <span className="whitespace-nowrap text-xs">{info.getValue()}</span> }),
        helper.accessor("eventType", {
          header: "Event",
          cell: (info) => (
            <span className="text-xs">
              <span className="font-mono">{info.getValue()}</span>
              <span className="block font-mono text-muted-foreground">{info.row.original.eventId}</span>
            </span>
          ),
        }),
        helper.accessor("attempt", { header: "Attempt" }),
        helper.accessor("status", {
          header: "Status",
          cell: (info) => (
            <span className="flex flex-wrap items-center gap-1 text-xs">
              <Badge variant={info.row.original.succeeded ? "success" : "warning"}>{info.row.original.succeeded ? "Succeeded" : "Failed"}</Badge>
              {info.getValue()}
            </span>
          ),
        }),
        helper.accessor("durationMs", { header: "Response time", cell: (info) => `${info.getValue()} ms` }),
        helper.accessor("response", { header: "Response", cell: (info) => <code className="line-clamp-2 max-w-xs break-all text-xs">{info.getValue()}</code> }),
        ...(manage
          ? [
              helper.display({
                id: "resend",
                header: () => <span className="sr-only">Actions</span>,
                cell: (info) => (info.row.original.resendable ? <ResendButton endpointId={endpointId} row={info.row.original} /> : null),
              }),
            ]
          : []),
      ]),
    [endpointId, manage],
  );
  return <DataTable columns={columns} data={rows} caption="Delivery log" empty="No deliveries yet." getRowId={(row) => String(row.id)} />;
}
