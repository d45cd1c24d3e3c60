"use client";
import { Controller, type UseFormReturn } from "react-hook-form";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import type { CreatePartnerOrgFormValues } from "@/lib/validations/partner-org";
import { INVOICE_OWNER_HELP, INVOICE_OWNER_LABEL, ORG_LABEL } from "./labels";

/**
 * The fields of a partner organisation with Limio's labels: the admin's Create Partner form and
 * the invited partner's own partner form show the same ones.
 */
export function PartnerOrgFields({
  form,
  idPrefix,
  salesforceRequired,
}: {
  form: UseFormReturn<CreatePartnerOrgFormValues, any, any>;
  idPrefix: string;
  salesforceRequired: boolean;
}) {
  const { errors } = form.formState;
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <>
      <FormField id={id("name")} label={ORG_LABEL.name} required error={errors.name?.message}>
        {(aria) => <Input autoComplete="organization" {...aria} {...form.register("name")} />}
      </FormField>
      <FormField id={id("logo")} label={ORG_LABEL.logo} hint="Optional. An https:// address of an image." error={errors.logo?.message}>
        {(aria) => <Input type="url" inputMode="url" placeholder="https://" {...aria} {...form.register("logo")} />}
      </FormField>
      <FormField id={id("zuora")} label={ORG_LABEL.zuoraAccountId} required error={errors.zuoraAccountId?.message}>
        {(aria) => <Input {...aria} {...form.register("zuoraAccountId")} />}
      </FormField>
      <FormField
        id={id("salesforce")}
        label={ORG_LABEL.salesforceAccountId}
        required={salesforceRequired}
        hint={salesforceRequired ? "Required while the Salesforce integration is on." : "Optional, although required if you are planning to use Salesforce."}
        error={errors.salesforceAccountId?.message as string | undefined}
      >
        {(aria) => <Input {...aria} {...form.register("salesforceAccountId")} />}
      </FormField>
      <fieldset className="grid gap-2" aria-describedby={errors.invoiceOwner ? id("invoice-owner-error") : undefined}>
        <legend className="mb-1 text-sm font-medium">
          {ORG_LABEL.invoiceOwner}<span aria-hidden className="text-destructive"> *</span>
        </legend>
        <Controller
          control={form.control}
          name="invoiceOwner"
          render={({ field }) => (
            <RadioGroup value={field.value ?? ""} onValueChange={field.onChange} aria-required aria-invalid={Boolean(errors.invoiceOwner)}>
              {(["partner", "end_customer"] as const).map((value) => (
                <div key={value} className="flex items-start gap-2">
                  <RadioGroupItem value={value} id={id(`invoice-owner-${value}`)} aria-describedby={id(`invoice-owner-${value}-help`)} className="mt-0.5" />
                  <div className="grid gap-0.5">
                    <Label htmlFor={id(`invoice-owner-${value}`)}>{INVOICE_OWNER_LABEL[value]}</Label>
                    <p id={id(`invoice-owner-${value}-help`)} className="text-xs text-muted-foreground">
                      {INVOICE_OWNER_HELP[value]}
                    </p>
                  </div>
                </div>
              ))}
            </RadioGroup>
          )}
        />
        {errors.invoiceOwner ? (
          <p id={id("invoice-owner-error")} role="alert" className="text-xs font-medium text-destructive">
            {errors.invoiceOwner.message}
          </p>
        ) : null}
      </fieldset>
    </>
  );
}
