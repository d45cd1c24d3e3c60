"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { ssoConnectionSchema, type SsoConnectionFormValues } from "@/lib/validations/sso";
import { ReadOnlyValue } from "./read-only-value";
import type { SsoActions, SsoServiceProvider } from "./types";

const PROTOCOLS = [
  { value: "oidc", label: "OpenID Connect" },
  { value: "saml", label: "SAML 2.0" },
] as const;

/**
 * The connection to the partner's identity provider: OpenID Connect (issuer, client ID and secret,
 * checked by discovery when saved) or SAML 2.0 (the IdP's metadata, pasted or uploaded), with the
 * values to enter at the provider. Read-only for callers who may not manage it.
 */
export function SsoConnectionForm({
  orgId,
  initial,
  hasClientSecret,
  sp,
  manage,
  save,
}: {
  orgId: string;
  initial: Omit<SsoConnectionFormValues, "orgId" | "clientSecret">;
  hasClientSecret: boolean;
  sp: SsoServiceProvider;
  manage: boolean;
  save: SsoActions["saveConnection"];
}) {
  const form = useForm<SsoConnectionFormValues>({ resolver: zodResolver(ssoConnectionSchema), defaultValues: { orgId, ...initial, clientSecret: "" } });
  const { errors } = form.formState;
  const protocol = form.watch("protocol");
  const { run, pending } = useAction(save, {
    form,
    success: "Connection saved.",
    onSuccess: () => form.reset({ ...form.getValues(), clientSecret: "" }),
  });
  const onSubmit = form.handleSubmit((values) => run(values));

  const upload = async (file: File | undefined) => {
    if (!file) return;
    form.setValue("metadataXml", await file.text(), { shouldDirty: true, shouldValidate: true });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-md border p-4">
      <fieldset className="grid gap-2" disabled={!manage}>
        <legend className="mb-1 text-sm font-medium">Protocol</legend>
        <RadioGroup
          value={protocol}
          onValueChange={(v) => form.setValue("protocol", v as SsoConnectionFormValues["protocol"], { shouldDirty: true })}
          className="flex flex-wrap gap-4"
          disabled={!manage}
          aria-label="Protocol"
        >
          {PROTOCOLS.map((p) => (
            <div key={p.value} className="flex items-center gap-2">
              <RadioGroupItem value={p.value} id={`sso-protocol-${p.value}`} />
              <Label htmlFor={`sso-protocol-${p.value}`}>{p.label}</Label>
            </div>
          ))}
        </RadioGroup>
      </fieldset>

      {protocol === "oidc" ? (
        <div className="grid gap-4">
          <FormField id="sso-issuer" label="Issuer URL" hint="The provider's issuer, e.g. https://login.example.com/realms/partner. Checked by OpenID Connect discovery when saved." error={errors.issuer?.message}>
            {(aria) => <Input {...aria} {...form.register("issuer")} readOnly={!manage} autoComplete="off" inputMode="url" />}
          </FormField>
          <FormField id="sso-client-id" label="Client ID" error={errors.clientId?.message}>
            {(aria) => <Input {...aria} {...form.register("clientId")} readOnly={!manage} autoComplete="off" />}
          </FormField>
          {manage ? (
            <FormField
              id="sso-client-secret"
              label="Client secret"
              hint={hasClientSecret ? "A client secret is stored. Leave empty to keep it." : "Stored encrypted; never shown again."}
              error={errors.clientSecret?.message}
            >
              {(aria) => <Input {...aria} {...form.register("clientSecret")} type="password" autoComplete="new-password" />}
            </FormField>
          ) : null}
          <ReadOnlyValue id="sso-redirect-uri" label="Redirect URI" value={sp.redirectUri} />
        </div>
      ) : (
        <div className="grid gap-4">
          <FormField id="sso-metadata" label="IdP metadata XML" hint="Your identity provider's SAML metadata: paste it here or upload the file." error={errors.metadataXml?.message}>
            {(aria) => (
              <textarea
                {...aria}
                {...form.register("metadataXml")}
                readOnly={!manage}
                rows={6}
                spellCheck={false}
                className="w-full rounded-md border border-input bg-background px-3 py-2 font-mono text-xs shadow-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring aria-[invalid=true]:border-destructive"
              />
            )}
          </FormField>
          {manage ? (
            <div className="grid gap-1.5">
              <Label htmlFor="sso-metadata-file">Upload metadata file</Label>
              <Input id="sso-metadata-file" type="file" accept=".xml,application/xml,text/xml" onChange={(e) => upload(e.target.files?.[0])} />
            </div>
          ) : null}
          <ReadOnlyValue id="sso-sp-entity-id" label="SP entity ID" value={sp.samlEntityId} />
          <ReadOnlyValue id="sso-acs-url" label="ACS URL" value={sp.samlAcsUrl} />
          <p className="text-sm">
            <a className="underline" href={`${sp.samlMetadataUrl}?download=1`} download>
              Download SP metadata
            </a>
          </p>
        </div>
      )}
      {manage ? (
        <Button type="submit" size="sm" disabled={pending}>
          {pending ? "Saving…" : "Save connection"}
        </Button>
      ) : null}
    </form>
  );
}
