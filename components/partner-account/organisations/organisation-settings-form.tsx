"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { updateOrganisationAction } from "@/app/partner/[slug]/organisations/actions/update-organisation";
import { useAction } from "@/components/forms/use-action";
import { OrganisationFields } from "@/components/organisations/organisation-fields";
import { Button } from "@/components/ui/button";
import { updateOrganisationSchema, type UpdateOrganisationFormValues } from "@/lib/validations/organisation";

type Org = { id: string; name: string; zuoraAccountId: string | null; salesforceAccountId: string | null };

/** The organisation's settings: rename it or edit its IDs (an empty ID removes it), then "Save". */
export function OrganisationSettingsForm({ org }: { org: Org }) {
  const defaults: UpdateOrganisationFormValues = { id: org.id, name: org.name, zuoraAccountId: org.zuoraAccountId ?? "", salesforceAccountId: org.salesforceAccountId ?? "" };
  const form = useForm<UpdateOrganisationFormValues, unknown, z.output<typeof updateOrganisationSchema>>({ resolver: zodResolver(updateOrganisationSchema), defaultValues: defaults });
  const { run, pending } = useAction(updateOrganisationAction, { form, success: "Organisation updated." });
  return (
    <section aria-labelledby="organisation-settings-heading" className="space-y-3 rounded-md border p-4">
      <h2 id="organisation-settings-heading" className="text-lg font-semibold">
        Settings
      </h2>
      <form
        noValidate
        className="grid max-w-md gap-4"
        onSubmit={form.handleSubmit(async (values) => {
          await run(values);
        })}
      >
        <OrganisationFields form={form} idPrefix="organisation-settings" />
        <div>
          <Button type="submit" disabled={pending || !form.formState.isDirty}>
            {pending ? "Saving…" : "Save"}
          </Button>
        </div>
      </form>
    </section>
  );
}
