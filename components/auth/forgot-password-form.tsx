"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { requestAdminPasswordResetAction } from "@/app/forgot-password/actions/request-admin-password-reset";
import { requestPasswordResetAction } from "@/app/partner/actions/request-password-reset";
import { useHydrated } from "@/components/auth/use-hydrated";
import { FormAlert } from "@/components/forms/form-alert";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { forgotPasswordSchema, type ForgotPasswordInput } from "@/lib/validations/password-link";

/** "Forgot password?" of partner users (/partner/forgot-password) or portal admins (/forgot-password). */
export function ForgotPasswordForm({ kind = "partner" }: { kind?: "partner" | "admin" }) {
  const [answer, setAnswer] = useState<{ ok: boolean; text: string } | null>(null);
  const form = useForm<ForgotPasswordInput>({ resolver: zodResolver(forgotPasswordSchema), defaultValues: { email: "" } });
  const { errors, isSubmitting } = form.formState;
  const hydrated = useHydrated();
  // The answer, good or bad, is said in one place above the form.
  const { run } = useAction(kind === "admin" ? requestAdminPasswordResetAction : requestPasswordResetAction, {
    onSuccess: (data) => setAnswer({ ok: true, text: data.message }),
    onError: (text) => setAnswer({ ok: false, text }),
  });

  return (
    <form onSubmit={form.handleSubmit((values) => run(values))} noValidate className="grid gap-4">
      {answer ? <FormAlert tone={answer.ok ? "notice" : "error"}>{answer.text}</FormAlert> : null}
      <FormField id="forgot-email" label="Email" error={errors.email?.message}>
        {(aria) => <Input type="email" autoComplete="username" {...aria} {...form.register("email")} />}
      </FormField>
      <Button type="submit" disabled={isSubmitting || !hydrated}>
        {isSubmitting ? "Sending…" : "Send reset link"}
      </Button>
    </form>
  );
}
