"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { UserPlus } from "lucide-react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { inviteAdminAction } from "@/app/(admin)/settings/admins/actions/invite-admin";
import { Button } from "@/components/ui/button";
import { FormDialog } from "@/components/forms/form-dialog";
import { useActionDialog } from "@/components/forms/use-action";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { AdminRole } from "@/db/schema";
import { inviteAdminSchema, type InviteAdminFormValues } from "@/lib/validations/admin";
import { ADMIN_ROLE_HELP, ADMIN_ROLE_LABEL } from "./labels";

export function InviteAdminDialog({ roles }: { roles: AdminRole[] }) {
  const empty = { email: "", role: "viewer" as const };
  const form = useForm<InviteAdminFormValues>({ resolver: zodResolver(inviteAdminSchema), defaultValues: empty });
  const { errors, isSubmitting } = form.formState;
  const { open, setOpen, onSubmit } = useActionDialog(form, {
    empty,
    action: inviteAdminAction,
    onSuccess: (data) => {
      if (data.mailSent) toast.success(`Invitation sent to ${data.email}.`);
      else toast.warning(`${data.email} was added, but the invitation mail could not be sent.`);
    },
  });
  return (
    <FormDialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button>
          <UserPlus aria-hidden /> Invite admin
        </Button>
      }
      title="Invite admin"
      description="They receive an email with a link to set their password. The link works once and expires."
      onSubmit={onSubmit}
      submitting={isSubmitting}
      submitLabel="Send invitation"
      submittingLabel="Sending…"
    >
      <FormField id="admin-email" label="Email address" required error={errors.email?.message}>
        {(aria) => <Input type="email" autoComplete="off" {...aria} {...form.register("email")} />}
      </FormField>
      <FormField id="admin-role" label="Role" required error={errors.role?.message} hint={ADMIN_ROLE_HELP[form.watch("role") ?? "viewer"]}>
        {(aria) => (
          <select {...aria} {...form.register("role")} className="h-9 rounded-md border border-input bg-background px-2 text-sm">
            {roles.map((r) => (
              <option key={r} value={r}>
                {ADMIN_ROLE_LABEL[r]}
              </option>
            ))}
          </select>
        )}
      </FormField>
    </FormDialog>
  );
}
