"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";
import type { ServerAction } from "@/lib/action-result";

/**
 * Deleting an organisation: the confirm checkbox enables "Delete Organisation". The admin app and the
 * partner pages each pass their own action, and the list to go back to.
 */
export function DeleteOrganisationSection({
  orgId,
  orgName,
  action,
  redirectTo,
  note = `Deleting ${orgName} removes it for its partner too. This cannot be undone.`,
}: {
  orgId: string;
  orgName: string;
  action: ServerAction<{ id: string; confirm: true }, unknown>;
  redirectTo: string;
  note?: string;
}) {
  const router = useRouter();
  const [confirmed, setConfirmed] = useState(false);
  const { run, pending } = useAction(action, {
    success: `Organisation "${orgName}" deleted.`,
    onSuccess: () => router.replace(redirectTo),
  });
  return (
    <section aria-labelledby="delete-organisation-heading" className="space-y-3 rounded-md border border-destructive/40 p-4">
      <h2 id="delete-organisation-heading" className="text-lg font-semibold text-destructive">
        Delete organisation
      </h2>
      <p className="text-sm text-muted-foreground">{note}</p>
      <div className="flex items-center gap-2">
        <Checkbox id="confirm-delete-organisation" checked={confirmed} onCheckedChange={(v) => setConfirmed(v === true)} />
        <Label htmlFor="confirm-delete-organisation">Confirm that I want to delete this organisation.</Label>
      </div>
      <Button
        variant="destructive"
        disabled={!confirmed || pending}
        onClick={() => run({ id: orgId, confirm: true })}
      >
        Delete Organisation
      </Button>
    </section>
  );
}
