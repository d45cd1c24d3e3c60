"use client";
import { resendInvitationAction } from "@/app/(admin)/settings/profile/partners/actions/resend-invitation";
import { revokeInvitationAction } from "@/app/(admin)/settings/profile/partners/actions/revoke-invitation";
import { sendPasswordResetAction } from "@/app/(admin)/settings/profile/partners/actions/send-password-reset";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import type { ServerAction } from "@/lib/action-result";
import type { PartnerUserStatus } from "@/lib/partners/user-access";

type Ref = { orgId: string; userId: string };

/** Invitation and reset links of one partner user, from the admin app. */
export function UserAccessActions({ orgId, userId, email, status }: Ref & { email: string; status: PartnerUserStatus }) {
  const ref = { orgId, userId };
  // Suspended by their directory: nothing to send until they are restored.
  if (status === "suspended") return null;
  if (status === "active") {
    return (
      <AccessButton action={sendPasswordResetAction} input={ref} label="Send password reset" aria={`Send password reset to ${email}`} success={`Password reset link sent to ${email}.`} />
    );
  }
  return (
    <div className="flex gap-2">
      <AccessButton action={resendInvitationAction} input={ref} label="Resend invitation" aria={`Resend invitation to ${email}`} success={`Invitation sent again to ${email}.`} />
      {status === "invited" ? (
        <AccessButton action={revokeInvitationAction} input={ref} label="Revoke invitation" aria={`Revoke invitation of ${email}`} success={`Invitation of ${email} revoked.`} variant="ghost" />
      ) : null}
    </div>
  );
}

function AccessButton<T>(props: { action: ServerAction<Ref, T>; input: Ref; label: string; aria: string; success: string; variant?: "outline" | "ghost" }) {
  const { run, pending } = useAction(props.action, { success: props.success });
  return (
    <Button variant={props.variant ?? "outline"} size="sm" disabled={pending} aria-label={props.aria} onClick={() => run(props.input)}>
      {props.label}
    </Button>
  );
}
