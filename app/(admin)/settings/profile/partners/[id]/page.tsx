import { notFound } from "next/navigation";
import Link from "next/link";
import { ArrowLeft } from "lucide-react";
import { OrgActivitySection } from "@/components/activity/org-activity-section";
import { PartnerOrganisationsSection } from "@/components/organisations/partner-organisations-section";
import { CopyButton } from "@/components/partners/copy-button";
import { ScimSection } from "@/components/scim/scim-section";
import { DomainsSection } from "@/components/domains/domains-section";
import { SsoSection } from "@/components/sso/sso-section";
import { BrandingSection } from "@/components/branding/branding-section";
import { ImportUsersDialog } from "@/components/partners/import-users-dialog";
import { buttonVariants } from "@/components/ui/button";
import { DeletePartnerSection } from "@/components/partners/delete-partner-section";
import { SuspendPartnerSection } from "@/components/partners/suspend-partner-section";
import { EditPartnerDialog } from "@/components/partners/edit-partner-dialog";
import { EditSlugDialog } from "@/components/partners/edit-slug-dialog";
import { ORG_STATUS_LABEL } from "@/components/partners/labels";
import { formatDate } from "@/lib/utils";
import { OrgDetails } from "@/components/partners/org-details";
import { OrgLogo } from "@/components/partners/org-logo";
import { PartnerUsersSection } from "@/components/partners/partner-users-section";
import { Badge } from "@/components/ui/badge";
import { getDb } from "@/db";
import { can } from "@/lib/auth/policy";
import { requireAdminPage } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors";
import { countOrganisationsByPartner } from "@/lib/organisations";
import { getPartnerOrg } from "@/lib/partners/orgs";
import { brandOf } from "@/lib/branding/branding";

import { createScimTokenAction } from "../actions/create-scim-token";
import { revokeScimTokenAction } from "../actions/revoke-scim-token";
import { removeSsoConnectionAction } from "../actions/remove-sso-connection";
import { saveSsoConnectionAction } from "../actions/save-sso-connection";
import { saveSsoSignInSettingsAction } from "../actions/save-sso-sign-in-settings";
import { addDomainAction, markDomainVerifiedAction, removeDomainAction, verifyDomainAction } from "../actions/domains";
import { deleteLogoAction } from "../actions/delete-logo";
import { updateSupportInfoAction } from "../actions/update-support-info";
import { uploadLogoAction } from "../actions/upload-logo";

export const metadata = { title: "Partner organisation" };

export default async function PartnerOrgPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requireAdminPage();
  const { id } = await params;
  const db = await getDb();
  const org = await getPartnerOrg(db, admin, id).catch((err) => {
    if (err instanceof DomainError && err.code === "not_found") notFound();
    throw err;
  });
  const canEdit = can(admin, "org:update");
  const brand = brandOf(org);
  return (
    <div className="max-w-5xl space-y-8">
      <Link href="/settings/profile/partners" className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:underline">
        <ArrowLeft className="size-4" aria-hidden /> All partner organisations
      </Link>
      <header className="flex items-center gap-4">
        <OrgLogo logo={brand.logo} darkLogo={brand.darkLogo} name={org.name} size={56} />
        <div className="min-w-0 flex-1">
          <h1 className="flex items-center gap-2 break-words text-2xl font-semibold">
            {org.name}
            {canEdit ? <EditPartnerDialog org={{ id: org.id, name: org.name, logo: org.logo }} /> : null}
          </h1>
          <span className="flex gap-1">
            <Badge variant={org.status === "approved" ? "success" : "warning"}>{ORG_STATUS_LABEL[org.status]}</Badge>
            {org.suspendedAt ? <Badge variant="warning">Suspended</Badge> : null}
          </span>
        </div>
      </header>

      <section aria-labelledby="details-heading" className="space-y-3">
        <h2 id="details-heading" className="text-lg font-semibold">
          Details
        </h2>
        <OrgDetails org={org} audience="admin" slugControl={canEdit ? <EditSlugDialog org={{ id: org.id, slug: org.slug }} /> : null} />
      </section>

      <BrandingSection actor={admin} org={org} actions={{ upload: uploadLogoAction, remove: deleteLogoAction, saveSupport: updateSupportInfoAction }} />

      <PartnerUsersSection admin={admin} orgId={org.id} />
      <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Users CSV">
        <a href={`/settings/profile/partners/${org.id}/users/export`} className={buttonVariants({ variant: "outline", size: "sm" })} download>
          Export users (CSV)
        </a>
        {can(admin, "user:create", org.id) ? <ImportUsersDialog orgId={org.id} /> : null}
      </div>

      <PartnerOrganisationsSection admin={admin} partnerOrgId={org.id} />
      <ScimSection actor={admin} orgId={org.id} actions={{ create: createScimTokenAction, revoke: revokeScimTokenAction }} />
      <DomainsSection
        actor={admin}
        orgId={org.id}
        actions={{ add: addDomainAction, verify: verifyDomainAction, markVerified: markDomainVerifiedAction, remove: removeDomainAction }}
      />
      <SsoSection
        actor={admin}
        orgId={org.id}
        returnTo={`/settings/profile/partners/${org.id}`}
        actions={{ saveConnection: saveSsoConnectionAction, saveSettings: saveSsoSignInSettingsAction, remove: removeSsoConnectionAction }}
      />

      <OrgActivitySection admin={admin} orgId={org.id} />

      {can(admin, "org:suspend", org.id) ? (
        <SuspendPartnerSection
          orgId={org.id}
          orgName={org.name}
          suspended={org.suspendedAt ? { at: formatDate(org.suspendedAt), reason: org.suspendedReason } : null}
        />
      ) : null}

      {can(admin, "org:delete") ? (
        <DeletePartnerSection orgId={org.id} orgName={org.name} organisationCount={(await countOrganisationsByPartner(db, admin, [org.id])).get(org.id) ?? 0} />
      ) : null}
    </div>
  );
}
