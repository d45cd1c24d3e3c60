"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { updateSupportInfoSchema, type UpdateSupportInfoFormValues } from "@/lib/validations/branding";
import type { BrandingActions } from "./types";

/** "Support Information": the message or link that replaces Contact Support in the Help and Support menu. */
export function SupportInfoForm({ orgId, value, save }: { orgId: string; value: string | null; save: BrandingActions["saveSupport"] }) {
  const form = useForm<UpdateSupportInfoFormValues>({ resolver: zodResolver(updateSupportInfoSchema), defaultValues: { orgId, supportInfo: value ?? "" } });
  const { run, pending } = useAction(save, { form, success: "Support information saved." });
  const onSubmit = form.handleSubmit((values) => run(values));
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-2 rounded-md border p-4">
      <FormField
        id="support-info"
        label="Support Information"
        hint={
          <>
            A message, or a link written as <code>[Contact My Partner](https://mypartner.example.com/support)</code>. Shown in the Help and Support menu and on your
            sign-in page. Leave empty to remove it.
          </>
        }
        error={form.formState.errors.supportInfo?.message}
      >
        {(aria) => <Input {...aria} {...form.register("supportInfo")} maxLength={500} autoComplete="off" />}
      </FormField>
      <Button type="submit" size="sm" disabled={pending}>
        Save
      </Button>
    </form>
  );
}
