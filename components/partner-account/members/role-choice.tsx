"use client";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import type { PartnerRole } from "@/db/schema";
import { PARTNER_ROLES, PARTNER_ROLE_HELP, PARTNER_ROLE_LABEL } from "@/components/partners/labels";

/** Choosing a member's role: each role with what it may do in this product. */
export function RoleChoice({ idPrefix, value, onChange, error }: { idPrefix: string; value: PartnerRole; onChange: (role: PartnerRole) => void; error?: string }) {
  const id = (s: string) => `${idPrefix}-${s}`;
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-1 text-sm font-medium">Role</legend>
      <RadioGroup value={value} onValueChange={(v) => onChange(v as PartnerRole)} aria-invalid={Boolean(error)} aria-describedby={error ? id("error") : undefined}>
        {PARTNER_ROLES.map((role) => (
          <div key={role} className="flex items-start gap-2">
            <RadioGroupItem value={role} id={id(role)} aria-describedby={id(`${role}-help`)} className="mt-0.5" />
            <div className="grid gap-0.5">
              <Label htmlFor={id(role)}>{PARTNER_ROLE_LABEL[role]}</Label>
              <p id={id(`${role}-help`)} className="text-xs text-muted-foreground">
                {PARTNER_ROLE_HELP[role]}
              </p>
            </div>
          </div>
        ))}
      </RadioGroup>
      {error ? (
        <p id={id("error")} role="alert" className="text-xs font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
