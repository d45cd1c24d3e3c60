"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { Pencil } from "lucide-react";
import { useForm } from "react-hook-form";
import { updatePartnerSlugAction } from "@/app/(admin)/settings/profile/partners/actions/update-partner-slug";
import { FormDialog } from "@/components/forms/form-dialog";
import { useActionDialog } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { updatePartnerSlugSchema, type UpdatePartnerSlugFormValues } from "@/lib/validations/partner-slug";

/** Changes the slug, the address of the partner pages; links with the old one stop working. */
export function EditSlugDialog({ org }: { org: { id: string; slug: string } }) {
  const defaults: UpdatePartnerSlugFormValues = { id: org.id, slug: org.slug };
  const form = useForm<UpdatePartnerSlugFormValues>({ resolver: zodResolver(updatePartnerSlugSchema), defaultValues: defaults });
  const { errors, isSubmitting } = form.formState;
  const { open, setOpen, onSubmit } = useActionDialog(form, {
    empty: defaults,
    action: updatePartnerSlugAction,
    success: (data) => `Partner slug changed to ${data.slug}.`,
  });
  return (
    <FormDialog
      open={open}
      onOpenChange={(next: boolean) => {
        if (next) form.reset(defaults);
        setOpen(next);
      }}
      trigger={
        <Button variant="ghost" size="icon" aria-label="Change slug" title="Change the partner slug">
          <Pencil aria-hidden />
        </Button>
      }
      title="Change partner slug"
      description="The partner pages move to the new address at once; links with the old slug stop working."
      onSubmit={onSubmit}
      submitting={isSubmitting}
      submitLabel="Save"
      submittingLabel="Saving…"
    >
      <FormField id="edit-slug" label="Slug" required hint="3 to 63 lowercase letters, digits and hyphens." error={errors.slug?.message}>
        {(aria) => <Input autoComplete="off" spellCheck={false} {...aria} {...form.register("slug")} />}
      </FormField>
    </FormDialog>
  );
}
