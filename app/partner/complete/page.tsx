import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PartnerShell } from "@/components/partner-account/partner-shell";
import { brandOf } from "@/lib/branding/branding";
import { CompletePartnerForm } from "@/components/partners/complete-partner-form";
import { getDb } from "@/db";
import { can } from "@/lib/auth/policy";
import { getPartner } from "@/lib/auth/session";
import { config } from "@/lib/config";
import { getPartnerOrg } from "@/lib/partners/orgs";

export const metadata: Metadata = { title: "Partner form" };

/** After setting a password, a pending organisation's primary contact submits this form; it approves the organisation. */
export default async function CompletePartnerFormPage() {
  const partner = await getPartner();
  if (!partner) redirect("/partner");
  const org = await getPartnerOrg(await getDb(), partner, partner.partnerOrgId);
  if (org.status !== "pending") redirect("/partner");
  return (
    <PartnerShell org={brandOf(org)} userLabel={partner.label}>
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">Partner form</h1>
        <p className="text-sm text-muted-foreground">
          Tell us about {org.name}. Once you submit this form, your organisation is approved and your partner pages open.
        </p>
      </div>
      {can(partner, "org:complete-form", org.id) ? (
        <CompletePartnerForm defaults={{ name: org.name, logo: org.logo ?? "" }} salesforceRequired={config.salesforceEnabled()} />
      ) : (
        <p className="rounded-md border p-4 text-sm">Your organisation&apos;s Admin completes this form. You can sign in again once it is approved.</p>
      )}
    </PartnerShell>
  );
}
