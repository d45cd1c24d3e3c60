"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { UserPlus } from "lucide-react";
import { useForm } from "react-hook-form";
import { inviteMemberAction } from "@/app/partner/actions/invite-member";
import { Button } from "@/components/ui/button";
import { FormDialog } from "@/components/forms/form-dialog";
import { useActionDialog } from "@/components/forms/use-action";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { inviteMemberSchema, type InviteMemberFormValues } from "@/lib/validations/partner-member";
import { PARTNER_ROLE_HELP, PARTNER_ROLE_LABEL, PARTNER_ROLES } from "@/components/partners/labels";

const EMPTY: InviteMemberFormValues = { name: "", email: "", role: "viewer" };

export function InviteMemberDialog({ orgId }: { orgId: string }) {
  const form = useForm<InviteMemberFormValues>({ resolver: zodResolver(inviteMemberSchema), defaultValues: EMPTY });
  const { errors, isSubmitting } = form.formState;

  const { open, setOpen, onSubmit } = useActionDialog(form, {
    empty: EMPTY,
    action: inviteMemberAction,
    input: (values) => ({ ...values, orgId }),
    success: (data) => `Invitation sent to ${data.email}.`,
  });

  return (
    <FormDialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button>
          <UserPlus aria-hidden /> Invite member
        </Button>
      }
      title="Invite member"
      description="They receive an email with a link to set their password."
      onSubmit={onSubmit}
      submitting={isSubmitting}
      submitLabel="Send invitation"
      submittingLabel="Sending…"
    >
      <FormField id="member-name" label="Name" error={errors.name?.message}>
        {(aria) => <Input autoComplete="off" {...aria} {...form.register("name")} />}
      </FormField>
      <FormField id="member-email" label="Email address" required error={errors.email?.message}>
        {(aria) => <Input type="email" autoComplete="off" {...aria} {...form.register("email")} />}
      </FormField>
      <FormField id="member-role" label="Role" error={errors.role?.message}>
        {(aria) => (
          <select className="h-9 rounded-md border border-input bg-background px-3 text-sm" {...aria} {...form.register("role")}>
            {PARTNER_ROLES.map((r) => (
              <option key={r} value={r}>
                {PARTNER_ROLE_LABEL[r]} — {PARTNER_ROLE_HELP[r]}
              </option>
            ))}
          </select>
        )}
      </FormField>
    </FormDialog>
  );
}
