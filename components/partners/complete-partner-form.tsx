"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { completePartnerFormAction } from "@/app/partner/complete/actions/complete-partner-form";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { createPartnerOrgSchema, type CreatePartnerOrgFormValues } from "@/lib/validations/partner-org";
import { PartnerOrgFields } from "./partner-org-fields";

/** The partner form, filled in by an invited organisation's primary contact; submitting approves it. */
export function CompletePartnerForm({ defaults, salesforceRequired }: { defaults: { name: string; logo: string }; salesforceRequired: boolean }) {
  const router = useRouter();
  const form = useForm<CreatePartnerOrgFormValues>({
    resolver: zodResolver(createPartnerOrgSchema({ salesforceRequired })),
    defaultValues: { name: defaults.name, logo: defaults.logo, zuoraAccountId: "", salesforceAccountId: "", invoiceOwner: "partner" },
  });
  const { run } = useAction(completePartnerFormAction, {
    form,
    success: (data) => `Thank you. ${data.name} is now approved.`,
    onSuccess: () => router.push("/partner"),
  });
  const { isSubmitting } = form.formState;
  return (
    <form onSubmit={form.handleSubmit((values) => run(values))} noValidate className="grid max-w-lg gap-4">
      <PartnerOrgFields form={form} idPrefix="form" salesforceRequired={salesforceRequired} />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Submitting…" : "Submit partner form"}
      </Button>
    </form>
  );
}
