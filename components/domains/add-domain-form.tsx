"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { addDomainSchema, type AddDomainFormValues } from "@/lib/validations/domains";
import type { DomainActions } from "./types";

/** "Add domain": the domain is added unverified, with the TXT record to publish. */
export function AddDomainForm({ orgId, add }: { orgId: string; add: DomainActions["add"] }) {
  const empty = { orgId, domain: "" };
  const form = useForm<AddDomainFormValues>({ resolver: zodResolver(addDomainSchema), defaultValues: empty });
  const { run, pending } = useAction(add, {
    form,
    success: (d) => `${d.domain} added. Publish its TXT record, then select Verify.`,
    onSuccess: () => form.reset(empty),
  });
  const onSubmit = form.handleSubmit((values) => run(values));
  return (
    <form onSubmit={onSubmit} noValidate className="grid max-w-md gap-2">
      <FormField id="domain-name" label="Domain" hint="Your organisation's email domain, e.g. example.com." error={form.formState.errors.domain?.message}>
        {(aria) => <Input {...aria} {...form.register("domain")} autoComplete="off" spellCheck={false} maxLength={253} />}
      </FormField>
      <Button type="submit" size="sm" className="justify-self-start" disabled={pending}>
        Add domain
      </Button>
    </form>
  );
}
