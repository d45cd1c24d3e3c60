"use client";
import { Trash2 } from "lucide-react";
import { removeMemberAction } from "@/app/partner/actions/remove-member";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";

export function RemoveMemberButton({ orgId, userId, email }: { orgId: string; userId: string; email: string }) {
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="icon" aria-label={`Remove member ${email}`} title={`Remove member ${email}`}>
          <Trash2 aria-hidden />
        </Button>
      }
      title="Remove member?"
      description={`${email} will lose access to your partner pages at once.`}
      confirmLabel="Remove"
      action={removeMemberAction}
      input={{ orgId, userId }}
      success={`${email} removed.`}
    />
  );
}
