"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { SignInForm } from "@/components/auth/sign-in-form";
import { FormAlert } from "@/components/forms/form-alert";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { ServerAction } from "@/lib/action-result";
import { signInEmailSchema, type SignInEmailInput } from "@/lib/validations/domains";

export type SignInRouteAction = ServerAction<SignInEmailInput, { next: "sso"; url: string } | { next: "password" }>;

/**
 * Email-first partner sign-in. Step one asks only for the email: "Continue" sends an address of a
 * partner with single sign-on to its identity provider, anyone else to step two, the password.
 * `passwordOnly` (/partner?sign_in=password, for a break-glass Admin when the provider is down)
 * goes to the password step whatever the address.
 */
export function PartnerSignInSteps({ route, passwordOnly = false, passwordHref }: { route: SignInRouteAction; passwordOnly?: boolean; passwordHref: string }) {
  const [email, setEmail] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);
  const form = useForm<SignInEmailInput>({ resolver: zodResolver(signInEmailSchema), defaultValues: { email: "" } });
  const { run, pending } = useAction(route, {
    form,
    onError: setError,
    onSuccess: (answer) => {
      if (answer.next === "sso") {
        setLeaving(true);
        window.location.assign(answer.url);
      } else setEmail(form.getValues("email").trim());
    },
  });
  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    if (passwordOnly) setEmail(values.email.trim());
    else await run(values);
  });

  if (email !== null) {
    return <SignInForm provider="partner" redirectTo="/partner" email={email} onChangeEmail={() => setEmail(null)} />;
  }
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      {error ? <FormAlert>{error}</FormAlert> : null}
      <FormField id="partner-email" label="Email" error={form.formState.errors.email?.message}>
        {(aria) => <Input type="email" autoComplete="username" autoFocus {...aria} {...form.register("email")} />}
      </FormField>
      <Button type="submit" disabled={pending || leaving}>
        {leaving ? "Going to your identity provider…" : pending ? "Continuing…" : "Continue"}
      </Button>
      {passwordOnly ? null : (
        <p className="text-xs text-muted-foreground">
          Your identity provider unavailable?{" "}
          <Link className="underline" href={passwordHref}>
            Use a password instead
          </Link>
        </p>
      )}
    </form>
  );
}
