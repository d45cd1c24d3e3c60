import type { Metadata } from "next";
import { OrgOverview } from "@/components/partner-account/org-overview";
import { ScimSection } from "@/components/scim/scim-section";
import { SsoSection } from "@/components/sso/sso-section";
import { DomainsSection } from "@/components/domains/domains-section";
import { BrandingSection } from "@/components/branding/branding-section";
import { createPartnerScimTokenAction } from "@/app/partner/actions/create-scim-token";
import { revokePartnerScimTokenAction } from "@/app/partner/actions/revoke-scim-token";
import { removePartnerSsoConnectionAction } from "@/app/partner/actions/remove-sso-connection";
import { savePartnerSsoConnectionAction } from "@/app/partner/actions/save-sso-connection";
import { savePartnerSsoSignInSettingsAction } from "@/app/partner/actions/save-sso-sign-in-settings";
import { loadPartnerAccount } from "../load-account";
import { deleteLogoAction } from "./actions/delete-logo";
import { addPartnerDomainAction, removePartnerDomainAction, verifyPartnerDomainAction } from "./actions/domains";
import { updateSupportInfoAction } from "./actions/update-support-info";
import { uploadLogoAction } from "./actions/upload-logo";

export const metadata: Metadata = { title: "Settings" };

/**
 * The partner account's settings: its details as the portal admins set them, read-only here.
 * For partner Admins: branding (white labelling: logos and support information) and Provisioning
 * (SCIM), Domains and Single sign-on.
 */
export default async function PartnerSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { actor, org } = await loadPartnerAccount((await params).slug);
  return (
    <>
      <h1 className="text-2xl font-semibold">Settings</h1>
      <OrgOverview org={org} />
      <BrandingSection actor={actor} org={org} actions={{ upload: uploadLogoAction, remove: deleteLogoAction, saveSupport: updateSupportInfoAction }} />
      <ScimSection actor={actor} orgId={org.id} actions={{ create: createPartnerScimTokenAction, revoke: revokePartnerScimTokenAction }} />
      <DomainsSection actor={actor} orgId={org.id} actions={{ add: addPartnerDomainAction, verify: verifyPartnerDomainAction, remove: removePartnerDomainAction }} />
      <SsoSection
        actor={actor}
        orgId={org.id}
        returnTo={`/partner/${org.slug}/settings`}
        actions={{ saveConnection: savePartnerSsoConnectionAction, saveSettings: savePartnerSsoSignInSettingsAction, remove: removePartnerSsoConnectionAction }}
      />
    </>
  );
}
