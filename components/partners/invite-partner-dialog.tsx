"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { Send } from "lucide-react";
import { useForm } from "react-hook-form";
import { invitePartnerAction } from "@/app/(admin)/settings/profile/partners/actions/invite-partner";
import { Button } from "@/components/ui/button";
import { FormDialog } from "@/components/forms/form-dialog";
import { useActionDialog } from "@/components/forms/use-action";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { invitePartnerOrgSchema, type InvitePartnerOrgFormValues } from "@/lib/validations/partner-org";
import { ORG_LABEL } from "./labels";

const EMPTY = { name: "", primaryContactName: "", primaryContactEmail: "" };

/** "Invite Partner": a pending organisation whose primary contact completes the partner form. */
export function InvitePartnerDialog() {
  const form = useForm<InvitePartnerOrgFormValues>({ resolver: zodResolver(invitePartnerOrgSchema), defaultValues: EMPTY });
  const { errors, isSubmitting } = form.formState;
  const { open, setOpen, onSubmit } = useActionDialog(form, {
    empty: EMPTY,
    action: invitePartnerAction,
    success: (data) => `Partner organisation "${data.name}" invited. An invitation has been sent to ${data.email}.`,
  });
  return (
    <FormDialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button variant="outline">
          <Send aria-hidden /> Invite Partner
        </Button>
      }
      title="Invite Partner"
      description={
        <>
          The organisation stays pending until its primary contact sets a password and submits the partner form with the organisation&apos;s details.
        </>
      }
      onSubmit={onSubmit}
      submitting={isSubmitting}
      submitLabel="Invite Partner"
      submittingLabel="Inviting…"
    >
      <FormField id="invite-org-name" label={ORG_LABEL.name} required error={errors.name?.message}>
        {(aria) => <Input autoComplete="organization" {...aria} {...form.register("name")} />}
      </FormField>
      <FormField id="invite-contact-name" label="Primary contact name" required error={errors.primaryContactName?.message}>
        {(aria) => <Input autoComplete="off" {...aria} {...form.register("primaryContactName")} />}
      </FormField>
      <FormField id="invite-contact-email" label="Primary contact email" required error={errors.primaryContactEmail?.message}>
        {(aria) => <Input type="email" autoComplete="off" {...aria} {...form.register("primaryContactEmail")} />}
      </FormField>
    </FormDialog>
  );
}
