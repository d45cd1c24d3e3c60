"use client";
import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo } from "react";
import { DataTable, type CoreFeatures } from "@/components/data-table/data-table";
import { Badge } from "@/components/ui/badge";

export interface EndpointRowView {
  id: string;
  url: string;
  types: string;
  /** Why it is disabled, or null while enabled. */
  disabled: string | null;
  failingSince: string | null;
  created: string;
}

const helper = createColumnHelper<CoreFeatures, EndpointRowView>();

export function EndpointsTable({ rows }: { rows: EndpointRowView[] }) {
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor("url", {
          header: "Endpoint URL",
          cell: (info) => (
            <Link href={`/settings/webhooks/${info.row.original.id}`} className="break-all font-mono text-xs underline underline-offset-4">
              {info.getValue()}
            </Link>
          ),
        }),
        helper.accessor("types", { header: "Event types" }),
        helper.accessor("disabled", {
          header: "Status",
          cell: (info) => {
            const { disabled, failingSince } = info.row.original;
            if (disabled) return <Badge variant="secondary" title={disabled}>Disabled</Badge>;
            if (failingSince) return <Badge variant="warning" title={`Every delivery has failed since ${failingSince}`}>Failing</Badge>;
            return <Badge variant="success">Enabled</Badge>;
          },
        }),
        helper.accessor("created", { header: "Created" }),
      ]),
    [],
  );
  return <DataTable columns={columns} data={rows} caption="Webhook endpoints" empty="No webhook endpoints yet." getRowId={(row) => row.id} />;
}
