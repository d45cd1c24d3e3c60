"use client";
import { resendInvitationAction } from "@/app/partner/[slug]/members/actions/resend-invitation";
import { revokeInvitationAction } from "@/app/partner/[slug]/members/actions/revoke-invitation";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import type { ServerAction } from "@/lib/action-result";
import type { PartnerUserStatus } from "@/lib/partners/user-access";

type Ref = { orgId: string; userId: string };

/** A member who has not set a password yet: send the invitation again, or revoke it. */
export function InvitationActions({ orgId, userId, email, status }: Ref & { email: string; status: PartnerUserStatus }) {
  if (status === "active") return null;
  const ref = { orgId, userId };
  return (
    <>
      <InvitationButton action={resendInvitationAction} input={ref} label="Resend invitation" aria={`Resend invitation to ${email}`} success={`Invitation sent again to ${email}.`} />
      {status === "invited" ? (
        <InvitationButton action={revokeInvitationAction} input={ref} label="Revoke invitation" aria={`Revoke invitation of ${email}`} success={`Invitation of ${email} revoked.`} />
      ) : null}
    </>
  );
}

function InvitationButton<T>(props: { action: ServerAction<Ref, T>; input: Ref; label: string; aria: string; success: string }) {
  const { run, pending } = useAction(props.action, { success: props.success });
  return (
    <Button variant="outline" size="sm" disabled={pending} aria-label={props.aria} onClick={() => run(props.input)}>
      {props.label}
    </Button>
  );
}
