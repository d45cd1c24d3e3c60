"use client";
import { Trash2 } from "lucide-react";
import { changeAdminRoleAction } from "@/app/(admin)/settings/admins/actions/change-admin-role";
import { endAdminSessionsAction } from "@/app/(admin)/settings/admins/actions/end-admin-sessions";
import { removeAdminAction } from "@/app/(admin)/settings/admins/actions/remove-admin";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import type { AdminRole } from "@/db/schema";
import { ADMIN_ROLE_LABEL } from "./labels";

/** Change role and Remove, for one admin. Rendered only for Owners and Admins; the server checks again. */
export function AdminRoleSelect({ id, email, role, roles }: { id: string; email: string; role: AdminRole; roles: AdminRole[] }) {
  const { run, pending } = useAction(changeAdminRoleAction, { success: (data) => `${email} is now ${ADMIN_ROLE_LABEL[data.role]}.` });
  return (
    <select
      name="role"
      aria-label={`Role of ${email}`}
      value={role}
      disabled={pending}
      className="h-8 rounded-md border border-input bg-background px-2 text-sm"
      onChange={(e) => run({ id, role: e.target.value as AdminRole })}
    >
      {(roles.includes(role) ? roles : [role, ...roles]).map((r) => (
        <option key={r} value={r} disabled={!roles.includes(r)}>
          {ADMIN_ROLE_LABEL[r]}
        </option>
      ))}
    </select>
  );
}

export function RemoveAdminButton({ id, email }: { id: string; email: string }) {
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="icon" aria-label={`Remove admin ${email}`} title={`Remove admin ${email}`}>
          <Trash2 aria-hidden />
        </Button>
      }
      title="Remove admin?"
      description={`${email} loses access to Partner Management and is signed out at once.`}
      confirmLabel="Remove"
      action={removeAdminAction}
      input={{ id }}
      success={`${email} removed.`}
    />
  );
}

/** Owners only: ends every session of that admin (e.g. a lost laptop). */
export function EndSessionsButton({ id, email }: { id: string; email: string }) {
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="sm" aria-label={`End sessions of ${email}`}>
          End sessions
        </Button>
      }
      title="End sessions?"
      description={`${email} is signed out on every browser and device and must sign in again.`}
      confirmLabel="End sessions"
      action={endAdminSessionsAction}
      input={{ id }}
      success={`${email} was signed out everywhere.`}
    />
  );
}
