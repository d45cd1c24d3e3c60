"use client";
import { createColumnHelper } from "@tanstack/react-table";
import { useMemo } from "react";
import { DataTable, type CoreFeatures } from "@/components/data-table/data-table";
import type { PartnerUserStatus } from "@/lib/partners/user-access";
import { DeleteUserButton } from "./delete-user-button";
import { USER_STATUS_LABEL } from "./labels";
import { MoveUserDialog } from "./move-user-dialog";
import { UserAccessActions } from "./user-access-actions";

export interface PartnerUserView {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  role: string;
  created: string;
  status: PartnerUserStatus;
}

const helper = createColumnHelper<CoreFeatures, PartnerUserView>();

export function PartnerUsersTable({
  orgId,
  users,
  canDelete,
  canInvite = false,
  canMove = false,
}: {
  orgId: string;
  users: PartnerUserView[];
  canDelete: boolean;
  canInvite?: boolean;
  canMove?: boolean;
}) {
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor("name", { header: "Name" }),
        helper.accessor("email", { header: "Email address" }),
        helper.accessor("phone", { header: "Phone number", cell: (i) => i.getValue() ?? "—" }),
        helper.accessor("role", { header: "Role" }),
        helper.accessor("status", { header: "Status", cell: (i) => <span className="whitespace-nowrap">{USER_STATUS_LABEL[i.getValue()]}</span> }),
        helper.display({
          id: "access",
          header: () => <span className="sr-only">Invitation</span>,
          cell: (i) =>
            canInvite ? (
              <UserAccessActions orgId={orgId} userId={i.row.original.id} email={i.row.original.email} status={i.row.original.status} />
            ) : null,
        }),
        helper.accessor("created", { header: "Created", cell: (i) => <span className="whitespace-nowrap">{i.getValue()}</span> }),
        helper.display({
          id: "actions",
          header: () => <span className="sr-only">Actions</span>,
          cell: (i) => (
            <span className="flex gap-1">
              {canMove ? <MoveUserDialog orgId={orgId} userId={i.row.original.id} email={i.row.original.email} /> : null}
              {canDelete ? <DeleteUserButton orgId={orgId} userId={i.row.original.id} email={i.row.original.email} /> : null}
            </span>
          ),
        }),
      ]),
    [orgId, canDelete, canInvite, canMove],
  );
  return <DataTable columns={columns} data={users} caption="Partner users" getRowId={(u) => u.id} empty="No users yet. Use Create user to add one." />;
}
