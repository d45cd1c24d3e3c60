"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { Pencil } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { updateOrganisationAction } from "@/app/(admin)/organisations/actions/update-organisation";
import { applyResult } from "@/components/partners/use-action-form";
import { Button } from "@/components/ui/button";
import { FormDialog } from "@/components/ui/form-dialog";
import { updateOrganisationSchema, type UpdateOrganisationFormValues } from "@/lib/validations/organisation";
import { OrganisationFields } from "./organisation-fields";

export function EditOrganisationDialog({ org }: { org: { id: string; name: string; zuoraAccountId: string | null; salesforceAccountId: string | null } }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const defaults: UpdateOrganisationFormValues = { id: org.id, name: org.name, zuoraAccountId: org.zuoraAccountId ?? "", salesforceAccountId: org.salesforceAccountId ?? "" };
  const form = useForm<UpdateOrganisationFormValues, unknown, z.output<typeof updateOrganisationSchema>>({ resolver: zodResolver(updateOrganisationSchema), defaultValues: defaults });
  const onSubmit = form.handleSubmit(async (values) => {
    if (!applyResult(form, await updateOrganisationAction(values))) return;
    toast.success("Organisation updated.");
    setOpen(false);
    router.refresh();
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
