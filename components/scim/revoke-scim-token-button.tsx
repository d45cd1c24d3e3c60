"use client";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import type { ScimTokenActions } from "./types";

export function RevokeScimTokenButton({ orgId, id, label, revoke }: { orgId: string; id: string; label: string; revoke: ScimTokenActions["revoke"] }) {
  return (
    <ConfirmDialog
      trigger={
        <Button variant="outline" size="sm" aria-label={`Revoke SCIM token ${label}`}>
          Revoke
        </Button>
      }
      title="Revoke SCIM token?"
      description={`The directory using ${label} can no longer provision users: its next request is refused. Users already provisioned stay. This cannot be undone.`}
      confirmLabel="Revoke token"
      action={revoke}
      input={{ orgId, id }}
      success="SCIM token revoked."
    />
  );
}
