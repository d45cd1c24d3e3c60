import "server-only";
import type { PartnerOrgRow } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { brandOf } from "@/lib/branding/branding";
import { LogoUpload } from "./logo-upload";
import { SupportInfoForm } from "./support-info-form";
import type { BrandingActions } from "./types";

const IN_USE = {
  upload: "The uploaded Partner Logo is in use: it takes precedence over the Logo URL.",
  url: "The Logo URL is in use. An uploaded Partner Logo would take precedence over it.",
  none: "No logo is set: the organisation's initials show.",
} as const;

/**
 * White label (Edgio's "White Labeling (Branding)"): the partner's logos for light and dark pages
 * and its support information. For those who may change them; placed with the page's own actions.
 */
export function BrandingSection({ actor, org, actions }: { actor: Actor; org: PartnerOrgRow; actions: BrandingActions }) {
  if (!can(actor, "branding:manage", org.id)) return null;
  const brand = brandOf(org);
  const light = org.logoLightHash ? brand.logo : null;
  return (
    <section aria-labelledby="branding-heading" className="space-y-3">
      <h2 id="branding-heading" className="text-lg font-semibold">
        Branding
      </h2>
      <p className="text-sm text-muted-foreground" data-testid="logo-in-use">
        {IN_USE[brand.logoSource ?? "none"]}
      </p>
      <div className="grid gap-3 sm:grid-cols-2">
        <LogoUpload orgId={org.id} variant="light" name={org.name} current={light} actions={actions} />
        <LogoUpload orgId={org.id} variant="dark" name={org.name} current={brand.darkLogo} actions={actions} />
      </div>
      <SupportInfoForm orgId={org.id} value={org.supportInfo} save={actions.saveSupport} />
    </section>
  );
}
