"use client";
import type { UseFormReturn } from "react-hook-form";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";

type Values = { name: string; zuoraAccountId?: unknown; salesforceAccountId?: unknown };

/** Seed 002's "Organisation Name" and the optional IDs: the create and the edit form share them. */
export function OrganisationFields({ form, idPrefix }: { form: UseFormReturn<any, any, any>; idPrefix: string }) {
  const errors = form.formState.errors as Partial<Record<keyof Values, { message?: string }>>;
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <>
      <FormField id={id("name")} label="Organisation Name" required error={errors.name?.message}>
        {(aria) => <Input autoComplete="off" {...aria} {...form.register("name")} />}
      </FormField>
      <FormField id={id("zuora")} label="Zuora account ID" hint="Optional. The customer's own billing account in Zuora." error={errors.zuoraAccountId?.message}>
        {(aria) => <Input {...aria} {...form.register("zuoraAccountId")} />}
      </FormField>
      <FormField id={id("salesforce")} label="Salesforce account ID" hint="Optional. A 15- or 18-character Salesforce ID." error={errors.salesforceAccountId?.message}>
        {(aria) => <Input {...aria} {...form.register("salesforceAccountId")} />}
      </FormField>
    </>
  );
}
