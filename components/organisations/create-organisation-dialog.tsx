"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { Plus } from "lucide-react";
import { Controller, useForm } from "react-hook-form";
import { createOrganisationAction } from "@/app/(admin)/organisations/actions/create-organisation";
import { FormDialog } from "@/components/forms/form-dialog";
import { useActionDialog } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { createOrganisationSchema, type CreateOrganisationFormValues, type CreateOrganisationInput } from "@/lib/validations/organisation";
import { OrganisationFields } from "./organisation-fields";
import { PartnerFinder, type PartnerOption } from "./partner-finder";

/** "Create an Organisation" for portal admins: optionally under a partner (the filtered one by default). */
export function CreateOrganisationDialog({ partner }: { partner?: PartnerOption | null }) {
  const empty: CreateOrganisationFormValues = { name: "", zuoraAccountId: "", salesforceAccountId: "", partnerOrgId: partner?.id ?? "" };
  const form = useForm<CreateOrganisationFormValues, unknown, CreateOrganisationInput>({ resolver: zodResolver(createOrganisationSchema), defaultValues: empty });
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
      description="A customer organisation, owned by a partner or by none (No partner)."
      onSubmit={onSubmit}
      submitting={form.formState.isSubmitting}
      submitLabel="Create an Organisation"
      submittingLabel="Creating…"
    >
      <OrganisationFields form={form} idPrefix="create-organisation" />
      <Controller
        control={form.control}
        name="partnerOrgId"
        render={({ field }) => (
          <PartnerFinder id="create-organisation-partner" label="Partner" value={field.value ?? ""} onChange={field.onChange} current={partner} />
        )}
      />
    </FormDialog>
  );
}
