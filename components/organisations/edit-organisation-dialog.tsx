"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { Pencil } from "lucide-react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { updateOrganisationAction } from "@/app/(admin)/organisations/actions/update-organisation";
import { FormDialog } from "@/components/forms/form-dialog";
import { useActionDialog } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { updateOrganisationSchema, type UpdateOrganisationFormValues } from "@/lib/validations/organisation";
import { OrganisationFields } from "./organisation-fields";

/** The pencil: rename the organisation or edit its IDs (its partner changes through the move section). */
export function EditOrganisationDialog({ org }: { org: { id: string; name: string; zuoraAccountId: string | null; salesforceAccountId: string | null } }) {
  const defaults: UpdateOrganisationFormValues = { id: org.id, name: org.name, zuoraAccountId: org.zuoraAccountId ?? "", salesforceAccountId: org.salesforceAccountId ?? "" };
  const form = useForm<UpdateOrganisationFormValues, unknown, z.output<typeof updateOrganisationSchema>>({ resolver: zodResolver(updateOrganisationSchema), defaultValues: defaults });
  const { open, setOpen, onSubmit } = useActionDialog(form, { empty: defaults, action: updateOrganisationAction, success: "Organisation updated." });
  return (
    <FormDialog
      open={open}
      onOpenChange={(next: boolean) => {
        if (next) form.reset(defaults);
        setOpen(next);
      }}
      trigger={
        <Button variant="ghost" size="icon" aria-label="Edit" title="Edit the name and IDs">
          <Pencil aria-hidden />
        </Button>
      }
      title="Edit organisation"
      description="Rename the organisation or change its IDs. An empty ID is removed."
      onSubmit={onSubmit}
      submitting={form.formState.isSubmitting}
      submitLabel="Save"
      submittingLabel="Saving…"
    >
      <OrganisationFields form={form} idPrefix="edit-organisation" />
    </FormDialog>
  );
}
