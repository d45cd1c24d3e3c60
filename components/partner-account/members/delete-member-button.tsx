"use client";
import { Trash2 } from "lucide-react";
import { removeMemberAction } from "@/app/partner/[slug]/members/actions/remove-member";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { Button } from "@/components/ui/button";

/** A member's delete icon: when prompted, "Delete" removes the member from the partner account. */
export function DeleteMemberButton({ orgId, userId, email }: { orgId: string; userId: string; email: string }) {
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="icon" aria-label="Delete" title={`Remove ${email} from your partner account`}>
          <Trash2 aria-hidden />
        </Button>
      }
      title="Delete member?"
      description={`${email} will be removed from your partner account and lose access at once.`}
      confirmLabel="Delete"
      action={removeMemberAction}
      input={{ orgId, userId }}
      success={`${email} removed.`}
    />
  );
}
