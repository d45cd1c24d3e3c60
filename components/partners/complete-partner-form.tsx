"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { Controller, useForm } from "react-hook-form";
import { toast } from "sonner";
import { completePartnerFormAction } from "@/app/partner/complete/actions/complete-partner-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { createPartnerOrgSchema, type CreatePartnerOrgFormValues } from "@/lib/validations/partner-org";
import { INVOICE_OWNER_HELP, INVOICE_OWNER_LABEL } from "./labels";
import { applyResult } from "./use-action-form";

/** Seed 004's partner form, filled in by the invited organisation's primary contact. */
export function CompletePartnerForm({ defaults, salesforceRequired }: { defaults: { name: string; logo: string }; salesforceRequired: boolean }) {
  const router = useRouter();
  const form = useForm<CreatePartnerOrgFormValues>({
    resolver: zodResolver(createPartnerOrgSchema({ salesforceRequired })),
    defaultValues: { name: defaults.name, logo: defaults.logo, zuoraAccountId: "", salesforceAccountId: "", invoiceOwner: "partner" },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const data = applyResult(form, await completePartnerFormAction(values));
    if (!data) return;
    toast.success(`Thank you. ${data.name} is now approved.`);
    router.push("/partner");
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="grid max-w-lg gap-4">
      <FormField id="form-name" label="Partner organisation name" required error={errors.name?.message}>
        {(aria) => <Input autoComplete="organization" {...aria} {...form.register("name")} />}
      </FormField>
      <FormField id="form-logo" label="Logo (URL)" hint="Optional. An https:// address of an image." error={errors.logo?.message}>
        {(aria) => <Input type="url" inputMode="url" placeholder="https://" {...aria} {...form.register("logo")} />}
      </FormField>
      <FormField id="form-zuora" label="Zuora account ID" required error={errors.zuoraAccountId?.message}>
        {(aria) => <Input {...aria} {...form.register("zuoraAccountId")} />}
      </FormField>
      <FormField
        id="form-salesforce"
        label="Salesforce account ID"
        required={salesforceRequired}
        hint={salesforceRequired ? "Required." : "Optional, although required if you are planning to use Salesforce."}
        error={errors.salesforceAccountId?.message as string | undefined}
      >
        {(aria) => <Input {...aria} {...form.register("salesforceAccountId")} />}
      </FormField>
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">
          Zuora Invoice Owner<span aria-hidden className="text-destructive"> *</span>
        </legend>
        <Controller
          control={form.control}
          name="invoiceOwner"
          render={({ field }) => (
            <RadioGroup value={field.value ?? ""} onValueChange={field.onChange} aria-required>
              {(["partner", "end_customer"] as const).map((value) => (
                <div key={value} className="flex items-start gap-2">
                  <RadioGroupItem value={value} id={`form-invoice-owner-${value}`} aria-describedby={`form-invoice-owner-${value}-help`} className="mt-0.5" />
                  <div className="grid gap-0.5">
                    <Label htmlFor={`form-invoice-owner-${value}`}>{INVOICE_OWNER_LABEL[value]}</Label>
                    <p id={`form-invoice-owner-${value}-help`} className="text-xs text-muted-foreground">
                      {INVOICE_OWNER_HELP[value]}
                    </p>
                  </div>
                </div>
              ))}
            </RadioGroup>
          )}
        />
        {errors.invoiceOwner ? (
          <p role="alert" className="text-xs font-medium text-destructive">
            {errors.invoiceOwner.message}
          </p>
        ) : null}
      </fieldset>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Submitting…" : "Submit partner form"}
      </Button>
    </form>
  );
}
