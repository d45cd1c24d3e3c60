"use client";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { resendInvitationAction } from "@/app/(admin)/settings/profile/partners/actions/resend-invitation";
import { revokeInvitationAction } from "@/app/(admin)/settings/profile/partners/actions/revoke-invitation";
import { sendPasswordResetAction } from "@/app/(admin)/settings/profile/partners/actions/send-password-reset";
import { Button } from "@/components/ui/button";
import type { PartnerUserStatus } from "@/lib/partners/user-access";

/** Invitation and reset links of one partner user, from the admin app. */
export function UserAccessActions({ orgId, userId, email, status }: { orgId: string; userId: string; email: string; status: PartnerUserStatus }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const run = (action: typeof resendInvitationAction | typeof revokeInvitationAction | typeof sendPasswordResetAction, done: string) =>
    startTransition(async () => {
      const result = await action({ orgId, userId });
      if (!result.ok) {
        toast.error(result.message);
        return;
      }
      toast.success(done);
      router.refresh();
    });
  // Suspended by their directory: nothing to send until they are restored.
  if (status === "suspended") return null;
  if (status === "active") {
    return (
      <Button variant="outline" size="sm" disabled={pending} aria-label={`Send password reset to ${email}`} onClick={() => run(sendPasswordResetAction, `Password reset link sent to ${email}.`)}>
        Send password reset
      </Button>
    );
  }
  return (
    <div className="flex gap-2">
      <Button variant="outline" size="sm" disabled={pending} aria-label={`Resend invitation to ${email}`} onClick={() => run(resendInvitationAction, `Invitation sent again to ${email}.`)}>
        Resend invitation
      </Button>
      {status === "invited" ? (
        <Button variant="ghost" size="sm" disabled={pending} aria-label={`Revoke invitation of ${email}`} onClick={() => run(revokeInvitationAction, `Invitation of ${email} revoked.`)}>
          Revoke invitation
        </Button>
      ) : null}
    </div>
  );
}
