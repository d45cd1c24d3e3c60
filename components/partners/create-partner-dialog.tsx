"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { Plus } from "lucide-react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { createPartnerAction } from "@/app/(admin)/settings/profile/partners/actions/create-partner";
import { Button } from "@/components/ui/button";
import { FormDialog } from "@/components/ui/form-dialog";
import { createPartnerOrgSchema, type CreatePartnerOrgFormValues } from "@/lib/validations/partner-org";
import { PartnerOrgFields } from "./partner-org-fields";
import { useActionDialog } from "./use-action-form";

const EMPTY = { name: "", logo: "", zuoraAccountId: "", salesforceAccountId: "", invoiceOwner: undefined };

export function CreatePartnerDialog({ salesforceRequired }: { salesforceRequired: boolean }) {
  const form = useForm<CreatePartnerOrgFormValues>({
    resolver: zodResolver(createPartnerOrgSchema({ salesforceRequired })),
    defaultValues: EMPTY as never,
  });
  const { isSubmitting } = form.formState;

  const { open, setOpen, onSubmit } = useActionDialog(form, {
    empty: EMPTY as never,
    submit: (values) => createPartnerAction(values),
    onSuccess: (data) => {
      toast.success(`Partner organisation "${data.name}" created with ID ${data.id}.`);
    },
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
