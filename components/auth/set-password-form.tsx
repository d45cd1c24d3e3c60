"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { setPasswordAction } from "@/app/(links)/actions/set-password";
import { FormAlert } from "@/components/forms/form-alert";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { newPasswordSchema } from "@/lib/validations/auth";
import { useHydrated } from "./use-hydrated";

type Values = z.input<typeof newPasswordSchema>;

/** New password + confirmation, for an invitation or a reset link. */
export function SetPasswordForm({ token, purpose, email }: { token: string; purpose: "invite" | "reset"; email: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Values>({ resolver: zodResolver(newPasswordSchema), defaultValues: { password: "", confirm: "" } });
  const { errors, isSubmitting } = form.formState;
  const hydrated = useHydrated();
  const { run } = useAction(setPasswordAction, { form, onError: setError, onSuccess: (data) => router.replace(data.redirectTo) });

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    await run({ ...values, token, purpose });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      {error ? <FormAlert>{error}</FormAlert> : null}
      {/* Lets password managers store the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <FormField id="new-password" label="New password" hint="At least 12 characters." error={errors.password?.message}>
        {(aria) => <Input type="password" autoComplete="new-password" {...aria} {...form.register("password")} />}
      </FormField>
      <FormField id="confirm-password" label="Confirm password" error={errors.confirm?.message}>
        {(aria) => <Input type="password" autoComplete="new-password" {...aria} {...form.register("confirm")} />}
      </FormField>
      <Button type="submit" disabled={isSubmitting || !hydrated}>
        {isSubmitting ? "Saving…" : "Set password"}
      </Button>
    </form>
  );
}
