"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { UserPlus } from "lucide-react";
import { useForm } from "react-hook-form";
import { createUserAction } from "@/app/(admin)/settings/profile/partners/actions/create-user";
import { Button } from "@/components/ui/button";
import { FormDialog } from "@/components/forms/form-dialog";
import { useActionDialog } from "@/components/forms/use-action";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { createPartnerUserSchema, type CreatePartnerUserFormValues } from "@/lib/validations/partner-user";

const EMPTY = { name: "", email: "", phone: "" };

export function CreateUserDialog({ orgId }: { orgId: string }) {
  const form = useForm<CreatePartnerUserFormValues>({ resolver: zodResolver(createPartnerUserSchema), defaultValues: EMPTY });
  const { errors, isSubmitting } = form.formState;

  const { open, setOpen, onSubmit } = useActionDialog(form, {
    empty: EMPTY,
    action: createUserAction,
    input: (values) => ({ ...values, orgId }),
    success: (data) => `User ${data.email} created. An invitation has been sent.`,
  });

  return (
    <FormDialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button>
          <UserPlus aria-hidden /> Create user
        </Button>
      }
      title="Create user"
      description={
        <>
          The user will be able to sign in to this organisation&apos;s partner pages. An email address can belong to only one partner user, across all partners.
        </>
      }
      onSubmit={onSubmit}
      submitting={isSubmitting}
      submitLabel="Save"
      submittingLabel="Saving…"
    >
      <FormField id="user-name" label="Name" error={errors.name?.message}>
        {(aria) => <Input autoComplete="name" {...aria} {...form.register("name")} />}
      </FormField>
      <FormField id="user-email" label="Email address" required error={errors.email?.message}>
        {(aria) => <Input type="email" autoComplete="email" {...aria} {...form.register("email")} />}
      </FormField>
      <FormField id="user-phone" label="Phone number" hint="Optional. Include the country code, e.g. +44 7911 123456." error={errors.phone?.message}>
        {(aria) => <Input type="tel" autoComplete="tel" {...aria} {...form.register("phone")} />}
      </FormField>
    </FormDialog>
  );
}
