"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { PARTNER_SUSPENDED_MESSAGE, SSO_REQUIRED_MESSAGE, SUSPENDED_MESSAGE } from "./messages";
import { signInSchema, type SignInInput } from "@/lib/validations/auth";

const ERRORS: Record<string, string> = {
  RateLimited: "Too many sign-in attempts. Wait a few minutes and try again.",
  Suspended: PARTNER_SUSPENDED_MESSAGE,
  AccountSuspended: SUSPENDED_MESSAGE,
  SsoRequired: SSO_REQUIRED_MESSAGE,
};

/**
 * Email + password sign-in through a next-auth credentials provider ("admin" or "partner").
 * With `email` (the partner sign-in's password step, after its email step) the address is
 * shown, not asked again, and "Use another email" calls `onChangeEmail`.
 */
export function SignInForm({ provider, redirectTo, email, onChangeEmail }: { provider: string; redirectTo: string; email?: string; onChangeEmail?: () => void }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<SignInInput>({ resolver: zodResolver(signInSchema), defaultValues: { email: email ?? "", password: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const result = await signIn(provider, { ...values, redirect: false });
    if (!result || result.error) {
      setError(ERRORS[result?.error ?? ""] ?? "The email or password is not correct.");
      return;
    }
    router.replace(redirectTo);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      {error ? <FormAlert>{error}</FormAlert> : null}
      {email === undefined ? (
        <FormField id={`${provider}-email`} label="Email" error={errors.email?.message}>
          {(aria) => <Input type="email" autoComplete="username" {...aria} {...form.register("email")} />}
        </FormField>
      ) : (
        <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
          {/* For password managers: the account this password belongs to. */}
          <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
          <span className="min-w-0 break-all font-medium" data-testid="sign-in-email">
            {email}
          </span>
          <Button type="button" variant="link" size="sm" className="h-auto p-0" onClick={onChangeEmail}>
            Use another email
          </Button>
        </div>
      )}
      <FormField id={`${provider}-password`} label="Password" error={errors.password?.message}>
        {(aria) => <Input type="password" autoComplete="current-password" autoFocus={email !== undefined} {...aria} {...form.register("password")} />}
      </FormField>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
