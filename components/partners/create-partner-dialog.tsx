"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { Plus } from "lucide-react";
import { useForm } from "react-hook-form";
import { createPartnerAction } from "@/app/(admin)/settings/profile/partners/actions/create-partner";
import { Button } from "@/components/ui/button";
import { FormDialog } from "@/components/forms/form-dialog";
import { useActionDialog } from "@/components/forms/use-action";
import { createPartnerOrgSchema, type CreatePartnerOrgFormValues } from "@/lib/validations/partner-org";
import { PartnerOrgFields } from "./partner-org-fields";

const EMPTY = { name: "", logo: "", zuoraAccountId: "", salesforceAccountId: "", invoiceOwner: undefined };

export function CreatePartnerDialog({ salesforceRequired }: { salesforceRequired: boolean }) {
  const form = useForm<CreatePartnerOrgFormValues>({
    resolver: zodResolver(createPartnerOrgSchema({ salesforceRequired })),
    defaultValues: EMPTY as never,
  });
  const { isSubmitting } = form.formState;

  const { open, setOpen, onSubmit } = useActionDialog(form, {
    empty: EMPTY as never,
    action: createPartnerAction,
    success: (data) => `Partner organisation "${data.name}" created with ID ${data.id}.`,
  });

  return (
    <FormDialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button>
          <Plus aria-hidden /> Create Partner
        </Button>
      }
      title="Create Partner"
      description="A partner organisation is a business you work with, such as a reseller or distributor."
      onSubmit={onSubmit}
      submitting={isSubmitting}
      submitLabel="Create Partner Organisation"
      submittingLabel="Creating…"
    >
      <PartnerOrgFields form={form} idPrefix="partner" salesforceRequired={salesforceRequired} />
    </FormDialog>
  );
}
