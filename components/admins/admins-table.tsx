"use client";
import { createColumnHelper } from "@tanstack/react-table";
import { useMemo } from "react";
import { DataTable, type CoreFeatures } from "@/components/data-table/data-table";
import { Badge } from "@/components/ui/badge";
import type { AdminRole } from "@/db/schema";
import { AdminRoleSelect, EndSessionsButton, RemoveAdminButton } from "./admin-row-controls";
import { ADMIN_ROLE_LABEL, ADMIN_STATUS_LABEL } from "./labels";

export interface AdminRowView {
  id: string;
  email: string;
  role: AdminRole;
  status: "invited" | "active";
  created: string;
  you: boolean;
}

const helper = createColumnHelper<CoreFeatures, AdminRowView>();

/** `assignable`: the roles this viewer may give (none for Viewers: no controls at all). */
/** `canEndSessions`: Owners may end any admin's sessions ("admin:sessions"). */
export function AdminsTable({
  rows,
  assignable,
  canRemoveOwners,
  canEndSessions,
}: {
  rows: AdminRowView[];
  assignable: AdminRole[];
  canRemoveOwners: boolean;
  canEndSessions: boolean;
}) {
  const manage = assignable.length > 0 || canEndSessions;
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor("email", {
          header: "Email address",
          cell: (i) => (
            <span className="break-all">
              {i.getValue()}
              {i.row.original.you ? <span className="text-muted-foreground"> (you)</span> : null}
            </span>
          ),
        }),
        helper.accessor("role", {
          header: "Role",
          cell: (i) => {
            const r = i.row.original;
            const editable = assignable.length > 0 && (r.role !== "owner" || canRemoveOwners);
            return editable ? <AdminRoleSelect id={r.id} email={r.email} role={r.role} roles={assignable} /> : ADMIN_ROLE_LABEL[r.role];
          },
        }),
        helper.accessor("status", {
          header: "Status",
          cell: (i) => <Badge variant={i.getValue() === "active" ? "success" : "warning"}>{ADMIN_STATUS_LABEL[i.getValue()]}</Badge>,
        }),
        helper.accessor("created", { header: "Added", cell: (i) => <span className="whitespace-nowrap">{i.getValue()}</span> }),
        ...(manage
          ? [
              helper.display({
                id: "actions",
                header: () => <span className="sr-only">Actions</span>,
                cell: (i) => (
                  <div className="flex items-center justify-end gap-1">
                    {canEndSessions && i.row.original.status === "active" ? <EndSessionsButton id={i.row.original.id} email={i.row.original.email} /> : null}
                    {assignable.length > 0 && (i.row.original.role !== "owner" || canRemoveOwners) ? (
                      <RemoveAdminButton id={i.row.original.id} email={i.row.original.email} />
                    ) : null}
                  </div>
                ),
              }),
            ]
          : []),
      ]),
    [manage, assignable, canRemoveOwners, canEndSessions],
  );
  return <DataTable columns={columns} data={rows} caption="Portal admins" getRowId={(r) => r.id} empty="No admins." />;
}
