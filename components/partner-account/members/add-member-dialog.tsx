"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { UserPlus } from "lucide-react";
import { Controller, useForm } from "react-hook-form";
import { inviteMemberAction } from "@/app/partner/[slug]/members/actions/invite-member";
import { FormDialog } from "@/components/forms/form-dialog";
import { useActionDialog } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { inviteMemberSchema, type InviteMemberFormValues } from "@/lib/validations/partner-member";
import { RoleChoice } from "./role-choice";

const EMPTY: InviteMemberFormValues = { email: "", name: "", role: "viewer" };

/** "Add Member": the user's email, their role, and "Invite" sends the welcome email. */
export function AddMemberDialog({ orgId }: { orgId: string }) {
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
          <UserPlus aria-hidden /> Add Member
        </Button>
      }
      title="Add Member"
      description="They receive a welcome email with a link to set their password."
      onSubmit={onSubmit}
      submitting={isSubmitting}
      submitLabel="Invite"
      submittingLabel="Inviting…"
    >
      <FormField id="member-email" label="User Email" required error={errors.email?.message}>
        {(aria) => <Input type="email" autoComplete="off" {...aria} {...form.register("email")} />}
      </FormField>
      <FormField id="member-name" label="Name" hint="Optional." error={errors.name?.message}>
        {(aria) => <Input autoComplete="off" {...aria} {...form.register("name")} />}
      </FormField>
      <Controller
        control={form.control}
        name="role"
        render={({ field }) => <RoleChoice idPrefix="member-role" value={field.value ?? "viewer"} onChange={field.onChange} error={errors.role?.message} />}
      />
    </FormDialog>
  );
}
