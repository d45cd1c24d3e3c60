"use client";
import { revokeApiClientAction } from "@/app/(admin)/settings/api-clients/actions/revoke-api-client";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";

export function RevokeApiClientButton({ id, name }: { id: string; name: string }) {
  return (
    <ConfirmDialog
      trigger={
        <Button variant="outline" size="sm" aria-label={`Revoke ${name}`}>
          Revoke
        </Button>
      }
      title="Revoke API client?"
      description={`${name} can no longer get access tokens, and the tokens it has stop working at once. This cannot be undone.`}
      confirmLabel="Revoke client"
      action={revokeApiClientAction}
      input={{ id }}
      success={`API client "${name}" revoked.`}
    />
  );
}
