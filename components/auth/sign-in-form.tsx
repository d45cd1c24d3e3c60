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
import { signInSchema, type SignInInput } from "@/lib/validations/auth";

/** Email + password sign-in through a next-auth credentials provider ("admin" or "partner"). */
export function SignInForm({ provider, redirectTo }: { provider: string; redirectTo: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<SignInInput>({ resolver: zodResolver(signInSchema), defaultValues: { email: "", password: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const result = await signIn(provider, { ...values, redirect: false });
    if (!result || result.error) {
      setError(
        result?.error === "RateLimited"
          ? "Too many sign-in attempts. Wait a few minutes and try again."
          : "The email or password is not correct.",
      );
      return;
    }
    router.replace(redirectTo);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      {error ? <FormAlert>{error}</FormAlert> : null}
      <FormField id={`${provider}-email`} label="Email" error={errors.email?.message}>
        {(aria) => <Input type="email" autoComplete="username" {...aria} {...form.register("email")} />}
      </FormField>
      <FormField id={`${provider}-password`} label="Password" error={errors.password?.message}>
        {(aria) => <Input type="password" autoComplete="current-password" {...aria} {...form.register("password")} />}
      </FormField>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
