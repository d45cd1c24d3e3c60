"use client";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import type { ServerAction } from "@/lib/action-result";
import type { DomainActionInput } from "@/lib/validations/domains";
import type { DomainActions } from "./types";

type Target = { orgId: string; id: string; domain: string };

/** A button running one action on one domain ("Verify", "Mark as verified"), its outcome in a toast. */
export function DomainActionButton({
  target,
  action,
  label,
  success,
  pendingLabel = label,
  variant = "outline",
}: {
  target: Target;
  action: ServerAction<DomainActionInput, { id: string; domain: string }>;
  label: string;
  success: string;
  /** Shown while the action runs (Verify asks DNS, which may take seconds). */
  pendingLabel?: string;
  variant?: "outline" | "default";
}) {
  const { run, pending } = useAction(action, { success });
  return (
    <Button type="button" size="sm" variant={variant} disabled={pending} aria-label={`${label} ${target.domain}`} onClick={() => run({ orgId: target.orgId, id: target.id })}>
      {pending ? pendingLabel : label}
    </Button>
  );
}

export function RemoveDomainButton({ target, remove }: { target: Target; remove: DomainActions["remove"] }) {
  return (
    <ConfirmDialog
      trigger={
        <Button type="button" variant="outline" size="sm" aria-label={`Remove ${target.domain}`}>
          Remove
        </Button>
      }
      title={`Remove ${target.domain}?`}
      description="Single sign-on no longer accepts email addresses of this domain, and they sign in with a password again. To use the domain again, add and verify it again."
      confirmLabel="Remove domain"
      action={remove}
      input={{ orgId: target.orgId, id: target.id }}
      success={`${target.domain} removed.`}
    />
  );
}
