"use client";
import { createColumnHelper } from "@tanstack/react-table";
import { useMemo } from "react";
import { DataTable, type CoreFeatures } from "@/components/data-table/data-table";
import { CopyButton } from "@/components/partners/copy-button";
import { Badge } from "@/components/ui/badge";
import { RevokeApiClientButton } from "./revoke-api-client-button";

export interface ApiClientRowView {
  id: string;
  name: string;
  createdBy: string | null;
  created: string;
  lastUsed: string | null;
  revoked: string | null;
}

const helper = createColumnHelper<CoreFeatures, ApiClientRowView>();

export function ApiClientsTable({ rows, manage }: { rows: ApiClientRowView[]; manage: boolean }) {
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor("name", { header: "Name", cell: (info) => <span className="font-medium">{info.getValue()}</span> }),
        helper.accessor("id", {
          header: "Client ID",
          cell: (info) => (
            <span className="flex items-center gap-1 font-mono text-xs">
              {info.getValue()}
              <CopyButton value={info.getValue()} label={`Copy the client ID of ${info.row.original.name}`} />
            </span>
          ),
        }),
        helper.accessor("revoked", {
          header: "Status",
          cell: (info) =>
            info.getValue() ? <Badge variant="secondary" title={`Revoked ${info.getValue()}`}>Revoked</Badge> : <Badge variant="success">Active</Badge>,
        }),
        helper.accessor("created", {
          header: "Created",
          cell: (info) => (
            <span className="text-sm">
              {info.getValue()}
              {info.row.original.createdBy ? <span className="block text-xs text-muted-foreground">by {info.row.original.createdBy}</span> : null}
            </span>
          ),
        }),
        helper.accessor("lastUsed", { header: "Last token issued", cell: (info) => info.getValue() ?? <span className="text-muted-foreground">Never</span> }),
        ...(manage
          ? [
              helper.display({
                id: "actions",
                header: () => <span className="sr-only">Actions</span>,
                cell: (info) =>
                  info.row.original.revoked ? null : <RevokeApiClientButton id={info.row.original.id} name={info.row.original.name} />,
              }),
            ]
          : []),
      ]),
    [manage],
  );
  return <DataTable columns={columns} data={rows} caption="API clients" empty="No API clients yet." getRowId={(row) => row.id} />;
}
