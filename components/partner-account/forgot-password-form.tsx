"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { requestPasswordResetAction } from "@/app/partner/actions/request-password-reset";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useHydrated } from "@/components/auth/use-hydrated";
import { forgotPasswordSchema, type ForgotPasswordInput } from "@/lib/validations/password-link";

export function ForgotPasswordForm() {
  const [answer, setAnswer] = useState<{ ok: boolean; text: string } | null>(null);
  const form = useForm<ForgotPasswordInput>({ resolver: zodResolver(forgotPasswordSchema), defaultValues: { email: "" } });
  const { errors, isSubmitting } = form.formState;
  const hydrated = useHydrated();

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await requestPasswordResetAction(values);
    setAnswer(result.ok ? { ok: true, text: result.data.message } : { ok: false, text: result.fieldErrors?.email?.[0] ?? result.message });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      {answer ? (
        <p
          role={answer.ok ? "status" : "alert"}
          className={
            answer.ok
              ? "rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900"
              : "rounded-md border border-destructive/40 bg-destructive/5 p-3 text-sm text-destructive"
          }
        >
          {answer.text}
        </p>
      ) : null}
      <FormField id="forgot-email" label="Email" error={errors.email?.message}>
        {(aria) => <Input type="email" autoComplete="username" {...aria} {...form.register("email")} />}
      </FormField>
      <Button type="submit" disabled={isSubmitting || !hydrated}>
        {isSubmitting ? "Sending…" : "Send reset link"}
      </Button>
    </form>
  );
}
