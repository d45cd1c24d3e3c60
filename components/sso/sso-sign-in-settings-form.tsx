"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { TriangleAlert } from "lucide-react";
import { Controller, useForm } from "react-hook-form";
import { PARTNER_ROLE_LABEL } from "@/components/partners/labels";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField } from "@/components/ui/form-field";
import { Label } from "@/components/ui/label";
import { JIT_ROLES, ssoSignInSettingsSchema, type SsoSignInSettingsFormValues } from "@/lib/validations/sso";
import type { SsoActions } from "./types";

const SELECT = "h-9 rounded-md border border-input bg-background px-2 text-sm disabled:opacity-50";

function Toggle({ id, label, hint, field, disabled }: { id: string; label: string; hint: string; field: { value: boolean; onChange: (v: boolean) => void }; disabled: boolean }) {
  return (
    <div className="flex items-start gap-2">
      <Checkbox id={id} checked={field.value} onCheckedChange={(v) => field.onChange(v === true)} disabled={disabled} aria-describedby={`${id}-hint`} className="mt-0.5" />
      <div className="grid gap-0.5">
        <Label htmlFor={id}>{label}</Label>
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      </div>
    </div>
  );
}

/** Whether the connection signs people in, whether passwords are off, and who joins on first sign-in. */
export function SsoSignInSettingsForm({
  initial,
  admins,
  manage,
  save,
}: {
  initial: SsoSignInSettingsFormValues;
  admins: { id: string; email: string }[];
  manage: boolean;
  save: SsoActions["saveSettings"];
}) {
  const form = useForm<SsoSignInSettingsFormValues>({ resolver: zodResolver(ssoSignInSettingsSchema), defaultValues: initial });
  const { errors } = form.formState;
  const { run, pending } = useAction(save, { form, success: "Sign-in settings saved." });
  const onSubmit = form.handleSubmit((values) => run(values));
  const requireSso = form.watch("requireSso");
  const breakGlass = form.watch("breakGlassUserId");
  const off = !manage;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-md border p-4">
      <Controller
        control={form.control}
        name="enabled"
        render={({ field }) => (
          <Toggle id="sso-enabled" label="Use single sign-on" hint="People of your verified domains sign in at your identity provider." field={field} disabled={off} />
        )}
      />
      <div className="grid gap-2">
        <Controller
          control={form.control}
          name="requireSso"
          render={({ field }) => (
            <Toggle id="sso-require" label="Require SSO" hint="Password sign-in is turned off for your users, except the break-glass Admin." field={field} disabled={off} />
          )}
        />
        <div className="ml-6">
          <FormField id="sso-break-glass" label="Break-glass Admin" hint="The one Admin who may still sign in with a password, should the identity provider fail." error={errors.breakGlassUserId?.message}>
            {(aria) => (
              <select {...aria} {...form.register("breakGlassUserId")} disabled={off} className={SELECT}>
                <option value="">None</option>
                {admins.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.email}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          {requireSso && !breakGlass ? (
            <p role="status" className="mt-2 flex items-start gap-2 text-sm text-warning-foreground">
              <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
              With no break-glass Admin, nobody can sign in with a password while SSO is required: if the identity provider fails, ask the portal admins.
            </p>
          ) : null}
        </div>
      </div>
      <div className="grid gap-2">
        <Controller
          control={form.control}
          name="jitEnabled"
          render={({ field }) => (
            <Toggle
              id="sso-jit"
              label="Just-in-time members"
              hint="A person of your verified domains who signs in for the first time becomes a member, with the default role."
              field={field}
              disabled={off}
            />
          )}
        />
        <div className="ml-6">
          <FormField id="sso-jit-role" label="Default role" error={errors.jitRole?.message}>
            {(aria) => (
              <select {...aria} {...form.register("jitRole")} disabled={off} className={SELECT}>
                {JIT_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {PARTNER_ROLE_LABEL[r]}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
      </div>
      {manage ? (
        <Button type="submit" size="sm" disabled={pending}>
          {pending ? "Saving…" : "Save sign-in settings"}
        </Button>
      ) : null}
    </form>
  );
}
