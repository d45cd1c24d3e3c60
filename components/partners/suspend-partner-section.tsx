"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { reactivatePartnerAction } from "@/app/(admin)/settings/profile/partners/actions/reactivate-partner";
import { suspendPartnerAction } from "@/app/(admin)/settings/profile/partners/actions/suspend-partner";
import { FormDialog } from "@/components/forms/form-dialog";
import { useAction, useActionDialog } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { suspendPartnerOrgSchema, type SuspendPartnerFormValues } from "@/lib/validations/partner-org";

/**
 * "Suspend partner" (with a reason) and "Reactivate partner": the alternative to deleting. While
 * suspended nobody of the partner can sign in; nothing is deleted.
 */
export function SuspendPartnerSection({ orgId, orgName, suspended }: { orgId: string; orgName: string; suspended: { at: string; reason: string | null } | null }) {
  const empty: SuspendPartnerFormValues = { id: orgId, reason: "" };
  const form = useForm<SuspendPartnerFormValues>({ resolver: zodResolver(suspendPartnerOrgSchema), defaultValues: empty });
  const { errors, isSubmitting } = form.formState;
  const { open, setOpen, onSubmit } = useActionDialog(form, { empty, action: suspendPartnerAction, success: `${orgName} is suspended.` });
  const reactivate = useAction(reactivatePartnerAction, { success: `${orgName} is reactivated.` });
  return (
    <section aria-labelledby="suspend-heading" className="space-y-3 rounded-md border border-warning-border p-4">
      <h2 id="suspend-heading" className="text-lg font-semibold">
        Suspension
      </h2>
      {suspended ? (
        <>
          <p className="text-sm">
            Suspended {suspended.at}
            {suspended.reason ? `: ${suspended.reason}` : "."} Its partner users cannot sign in.
          </p>
          <Button variant="outline" disabled={reactivate.pending} onClick={() => reactivate.run({ id: orgId })}>
            Reactivate partner
          </Button>
        </>
      ) : (
        <>
          <p className="text-sm text-muted-foreground">
            Suspending {orgName} signs its partner users out at once and stops them signing in, without deleting anything. You can
            reactivate it later.
          </p>
          <FormDialog
            open={open}
            onOpenChange={setOpen}
            trigger={<Button variant="outline">Suspend partner</Button>}
            title="Suspend partner"
            description={`${orgName}'s users are signed out and cannot sign in until you reactivate it.`}
            onSubmit={onSubmit}
            submitting={isSubmitting}
            submitLabel="Suspend partner"
            submittingLabel="Suspending…"
          >
            <FormField id="suspend-reason" label="Reason" required hint="Kept with the organisation and in the activity trail." error={errors.reason?.message}>
              {(aria) => <Input autoComplete="off" {...aria} {...form.register("reason")} />}
            </FormField>
          </FormDialog>
        </>
      )}
    </section>
  );
}
