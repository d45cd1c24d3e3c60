"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { deletePartnerAction } from "@/app/(admin)/settings/profile/partners/actions/delete-partner";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";

/** Edgio's pattern for deleting: a confirm checkbox enables the delete button. */
export function DeletePartnerSection({ orgId, orgName, organisationCount }: { orgId: string; orgName: string; organisationCount: number }) {
  const router = useRouter();
  const [confirmed, setConfirmed] = useState(false);
  const { run, pending } = useAction(deletePartnerAction, {
    success: `Partner organisation "${orgName}" deleted.`,
    onSuccess: () => router.replace("/settings/profile/partners"),
  });
  return (
    <section aria-labelledby="delete-heading" className="space-y-3 rounded-md border border-destructive/40 p-4">
      <h2 id="delete-heading" className="text-lg font-semibold text-destructive">
        Delete organisation
      </h2>
      <p className="text-sm text-muted-foreground">
        Deleting {orgName} also deletes all of its partner users, who lose access to the partner pages at once. This cannot be undone.
      </p>
      <p className="text-sm text-muted-foreground">
        {organisationCount === 0
          ? "It has no customer organisations."
          : `Its ${organisationCount === 1 ? "customer organisation is" : `${organisationCount.toLocaleString("en-GB")} customer organisations are`} not deleted: ${organisationCount === 1 ? "it becomes" : "they become"} "No partner".`}
      </p>
      <div className="flex items-center gap-2">
        <Checkbox id="confirm-delete" checked={confirmed} onCheckedChange={(v) => setConfirmed(v === true)} />
        <Label htmlFor="confirm-delete">Confirm that I want to delete this organisation</Label>
      </div>
      <Button variant="destructive" disabled={!confirmed || pending} onClick={() => run({ id: orgId, confirm: true })}>
        Delete Organisation
      </Button>
    </section>
  );
}
