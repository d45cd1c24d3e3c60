"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { toast } from "sonner";
import { createPartnerAction } from "@/app/(admin)/settings/profile/partners/actions/create-partner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { createPartnerOrgSchema, type CreatePartnerOrgFormValues } from "@/lib/validations/partner-org";
import { INVOICE_OWNER_HELP, INVOICE_OWNER_LABEL } from "./labels";
import { applyResult } from "./use-action-form";

const EMPTY = { name: "", logo: "", zuoraAccountId: "", salesforceAccountId: "", invoiceOwner: undefined };

export function CreatePartnerDialog({ salesforceRequired }: { salesforceRequired: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useForm<CreatePartnerOrgFormValues>({
    resolver: zodResolver(createPartnerOrgSchema({ salesforceRequired })),
    defaultValues: EMPTY as never,
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const data = applyResult(form, await createPartnerAction(values));
    if (!data) return;
    toast.success(`Partner organisation "${data.name}" created with ID ${data.id}.`);
    form.reset(EMPTY as never);
    setOpen(false);
    router.refresh();
  });

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden /> Create Partner
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Create Partner</DialogTitle>
          <DialogDescription>A partner organisation is a business you work with, such as a reseller or distributor.</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          <FormField id="partner-name" label="Partner organisation name" required error={errors.name?.message}>
            {(aria) => <Input autoComplete="organization" {...aria} {...form.register("name")} />}
          </FormField>
          <FormField id="partner-logo" label="Logo (URL)" hint="Optional. An https:// address of an image." error={errors.logo?.message}>
            {(aria) => <Input type="url" inputMode="url" placeholder="https://" {...aria} {...form.register("logo")} />}
          </FormField>
          <FormField id="partner-zuora" label="Zuora account ID" required error={errors.zuoraAccountId?.message}>
            {(aria) => <Input {...aria} {...form.register("zuoraAccountId")} />}
          </FormField>
          <FormField
            id="partner-salesforce"
            label="Salesforce account ID"
            required={salesforceRequired}
            hint={salesforceRequired ? "Required while the Salesforce integration is on." : "Optional, although required if you are planning to use Salesforce."}
            error={errors.salesforceAccountId?.message as string | undefined}
          >
            {(aria) => <Input {...aria} {...form.register("salesforceAccountId")} />}
          </FormField>
          <fieldset className="grid gap-2" aria-describedby={errors.invoiceOwner ? "invoice-owner-error" : undefined}>
            <legend className="mb-1 text-sm font-medium">
              Zuora Invoice Owner<span aria-hidden className="text-destructive"> *</span>
            </legend>
            <Controller
              control={form.control}
              name="invoiceOwner"
              render={({ field }) => (
                <RadioGroup value={field.value ?? ""} onValueChange={field.onChange} aria-required aria-invalid={Boolean(errors.invoiceOwner)}>
                  {(["partner", "end_customer"] as const).map((value) => (
                    <div key={value} className="flex items-start gap-2">
                      <RadioGroupItem value={value} id={`invoice-owner-${value}`} aria-describedby={`invoice-owner-${value}-help`} className="mt-0.5" />
                      <div className="grid gap-0.5">
                        <Label htmlFor={`invoice-owner-${value}`}>{INVOICE_OWNER_LABEL[value]}</Label>
                        <p id={`invoice-owner-${value}-help`} className="text-xs text-muted-foreground">
                          {INVOICE_OWNER_HELP[value]}
                        </p>
                      </div>
                    </div>
                  ))}
                </RadioGroup>
              )}
            />
            {errors.invoiceOwner ? (
              <p id="invoice-owner-error" role="alert" className="text-xs font-medium text-destructive">
                {errors.invoiceOwner.message}
              </p>
            ) : null}
          </fieldset>
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? "Creating…" : "Create Partner Organisation"}
          </Button>
        </form>
      </DialogContent>
    </Dialog>
  );
}
