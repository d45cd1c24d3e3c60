"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { Plus } from "lucide-react";
import { useForm } from "react-hook-form";
import { createOrganisationAction } from "@/app/partner/[slug]/organisations/actions/create-organisation";
import { FormDialog } from "@/components/forms/form-dialog";
import { useActionDialog } from "@/components/forms/use-action";
import { OrganisationFields } from "@/components/organisations/organisation-fields";
import { Button } from "@/components/ui/button";
import { createPartnerOrganisationSchema, type CreatePartnerOrganisationFormValues } from "@/lib/validations/organisation";

/** "Create an Organisation", under the partner account the user works in. */
export function CreateOrganisationDialog({ partnerOrgId }: { partnerOrgId: string }) {
  const empty: CreatePartnerOrganisationFormValues = { name: "", zuoraAccountId: "", salesforceAccountId: "", partnerOrgId };
  const form = useForm<CreatePartnerOrganisationFormValues>({ resolver: zodResolver(createPartnerOrganisationSchema), defaultValues: empty });
  const { open, setOpen, onSubmit } = useActionDialog(form, {
    empty,
    action: createOrganisationAction,
    success: (data) => `Organisation "${data.name}" created.`,
  });
  return (
    <FormDialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button>
          <Plus aria-hidden /> Create an Organisation
        </Button>
      }
      title="Create an Organisation"
      description="A customer organisation of your partner account. Only the name is required."
      onSubmit={onSubmit}
      submitting={form.formState.isSubmitting}
      submitLabel="Create an Organisation"
      submittingLabel="Creating…"
    >
      <OrganisationFields form={form} idPrefix="create-organisation" />
    </FormDialog>
  );
}
