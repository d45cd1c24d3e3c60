"use client";
import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo } from "react";
import { DataTable, type CoreFeatures } from "@/components/data-table/data-table";
import { Badge } from "@/components/ui/badge";

export interface ActivityView {
  id: string;
  at: string;
  actor: string;
  actorKind: string;
  action: string;
  success: boolean;
  target: { label: string; href?: string };
  change: string[];
}

const helper = createColumnHelper<CoreFeatures, ActivityView>();

export function ActivityTable({ rows, caption }: { rows: ActivityView[]; caption: string }) {
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor("at", { header: "When", cell: (i) => <span className="whitespace-nowrap">{i.getValue()}</span> }),
        helper.accessor("actor", {
          header: "Actor",
          cell: (i) => (
            <span className="grid">
              <span className="break-all">{i.getValue()}</span>
              <span className="text-xs text-muted-foreground">{i.row.original.actorKind}</span>
            </span>
          ),
        }),
        helper.accessor("action", {
          header: "Action",
          cell: (i) => (
            <span className="flex flex-wrap items-center gap-1">
              {i.getValue()}
              {i.row.original.success ? null : <Badge variant="warning">failed</Badge>}
            </span>
          ),
        }),
        helper.accessor("target", {
          header: "Target",
          cell: (i) => {
            const t = i.getValue();
            return t.href ? (
              <Link href={t.href} className="break-all underline underline-offset-4">
                {t.label}
              </Link>
            ) : (
              <span className="break-all">{t.label}</span>
            );
          },
        }),
        helper.accessor("change", {
          header: "Change",
          cell: (i) =>
            i.getValue().length ? (
              <ul className="max-w-md space-y-0.5 text-xs">
                {i.getValue().map((line, n) => (
                  <li key={n} className="break-all font-mono">
                    {line}
                  </li>
                ))}
              </ul>
            ) : (
              "—"
            ),
        }),
      ]),
    [],
  );
  return <DataTable columns={columns} data={rows} caption={caption} getRowId={(r) => r.id} empty="No activity matches." />;
}
