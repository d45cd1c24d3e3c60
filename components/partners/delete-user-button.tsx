"use client";
import { Trash2 } from "lucide-react";
import { deleteUserAction } from "@/app/(admin)/settings/profile/partners/actions/delete-user";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";

export function DeleteUserButton({ orgId, userId, email }: { orgId: string; userId: string; email: string }) {
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="icon" aria-label={`Delete user ${email}`} title={`Delete user ${email}`}>
          <Trash2 aria-hidden />
        </Button>
      }
      title="Delete user?"
      description={`${email} will be removed from this partner organisation and signed out of the partner pages at once.`}
      confirmLabel="Delete"
      action={deleteUserAction}
      input={{ orgId, userId }}
      success={`User ${email} deleted.`}
    />
  );
}
