"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { Pencil } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { updateOrganisationAction } from "@/app/(admin)/organisations/actions/update-organisation";
import { FormDialog } from "@/components/forms/form-dialog";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { updateOrganisationSchema, type UpdateOrganisationFormValues } from "@/lib/validations/organisation";
import { OrganisationFields } from "./organisation-fields";

export function EditOrganisationDialog({ org }: { org: { id: string; name: string; zuoraAccountId: string | null; salesforceAccountId: string | null } }) {
  const [open, setOpen] = useState(false);
  const defaults: UpdateOrganisationFormValues = { id: org.id, name: org.name, zuoraAccountId: org.zuoraAccountId ?? "", salesforceAccountId: org.salesforceAccountId ?? "" };
  const form = useForm<UpdateOrganisationFormValues, unknown, z.output<typeof updateOrganisationSchema>>({ resolver: zodResolver(updateOrganisationSchema), defaultValues: defaults });
  const { run } = useAction(updateOrganisationAction, { form, success: "Organisation updated.", onSuccess: () => setOpen(false) });
  const onSubmit = form.handleSubmit(async (values) => {
    await run(values);
  });
  return (
    <FormDialog
      open={open}
      onOpenChange={(next) => {
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
