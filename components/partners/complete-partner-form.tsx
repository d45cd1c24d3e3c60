"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { completePartnerFormAction } from "@/app/partner/complete/actions/complete-partner-form";
import { Button } from "@/components/ui/button";
import { createPartnerOrgSchema, type CreatePartnerOrgFormValues } from "@/lib/validations/partner-org";
import { PartnerOrgFields } from "./partner-org-fields";
import { applyResult } from "./use-action-form";

/** Seed 004's partner form, filled in by the invited organisation's primary contact. */
export function CompletePartnerForm({ defaults, salesforceRequired }: { defaults: { name: string; logo: string }; salesforceRequired: boolean }) {
  const router = useRouter();
  const form = useForm<CreatePartnerOrgFormValues>({
    resolver: zodResolver(createPartnerOrgSchema({ salesforceRequired })),
    defaultValues: { name: defaults.name, logo: defaults.logo, zuoraAccountId: "", salesforceAccountId: "", invoiceOwner: "partner" },
  });
  const { isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const data = applyResult(form, await completePartnerFormAction(values));
    if (!data) return;
    toast.success(`Thank you. ${data.name} is now approved.`);
    router.push("/partner");
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="grid max-w-lg gap-4">
      <PartnerOrgFields form={form} idPrefix="form" salesforceRequired={salesforceRequired} />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Submitting…" : "Submit partner form"}
      </Button>
    </form>
  );
}
