"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { Pencil } from "lucide-react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { updatePartnerAction } from "@/app/(admin)/settings/profile/partners/actions/update-partner";
import { Button } from "@/components/ui/button";
import { FormDialog } from "@/components/forms/form-dialog";
import { useActionDialog } from "@/components/forms/use-action";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { editPartnerOrgSchema } from "@/lib/validations/partner-org";
import { ORG_LABEL } from "./labels";

type Values = z.input<typeof editPartnerOrgSchema>;

/** The pencil icon: the only editable fields are the partner organisation name and logo. */
export function EditPartnerDialog({ org }: { org: { id: string; name: string; logo: string | null } }) {
  const defaults = { name: org.name, logo: org.logo ?? "" };
  const form = useForm<Values>({ resolver: zodResolver(editPartnerOrgSchema), defaultValues: defaults });
  const { errors, isSubmitting } = form.formState;
  const { open, setOpen, onSubmit } = useActionDialog(form, {
    empty: defaults,
    action: updatePartnerAction,
    input: (values) => ({ ...values, id: org.id }),
    success: "Partner organisation updated.",
  });

  return (
    <FormDialog
      open={open}
      onOpenChange={(next: boolean) => {
        if (next) form.reset(defaults);
        setOpen(next);
      }}
      trigger={
        <Button variant="ghost" size="icon" aria-label="Edit" title="Edit name and logo">
          <Pencil aria-hidden />
        </Button>
      }
      title="Edit partner organisation"
      description="The only editable fields are the partner organisation name and logo."
      onSubmit={onSubmit}
      submitting={isSubmitting}
      submitLabel="Save"
      submittingLabel="Saving…"
    >
      <FormField id="edit-name" label={ORG_LABEL.name} required error={errors.name?.message}>
        {(aria) => <Input {...aria} {...form.register("name")} />}
      </FormField>
      <FormField id="edit-logo" label={ORG_LABEL.logo} hint="Leave empty to remove the logo." error={errors.logo?.message as string | undefined}>
        {(aria) => <Input type="url" inputMode="url" {...aria} {...form.register("logo")} />}
      </FormField>
    </FormDialog>
  );
}
