import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteOrganisationSection } from "@/components/organisations/delete-organisation-section";
import { MoveOrganisationSection } from "@/components/partner-account/organisations/move-organisation-section";
import { OrganisationSettingsForm } from "@/components/partner-account/organisations/organisation-settings-form";
import { CopyButton } from "@/components/partners/copy-button";
import { formatDate } from "@/lib/utils";
import { getDb } from "@/db";
import { can } from "@/lib/auth/policy";
import { DomainError } from "@/lib/errors";
import { getOrganisation } from "@/lib/organisations";
import { deleteOrganisationAction } from "../actions/delete-organisation";
import { loadPartnerAccount } from "../../load-account";

export const metadata: Metadata = { title: "Organisation" };

/**
 * One organisation of the partner account: its fields, and for Maintainers and Admins its
 * settings, the move to another partner and the delete. Viewers read it. An organisation of
 * another partner (or of none) is "not found".
 */
export default async function PartnerOrganisationPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const { actor, org: partner, base } = await loadPartnerAccount(slug);
  const org = await getOrganisation(await getDb(), actor, id).catch((err) => {
    if (err instanceof DomainError && err.code === "not_found") notFound();
    throw err;
  });
  if (org.partnerOrgId !== partner.id) notFound();
  return (
    <>
      <Link href={base} className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:underline">
        <ArrowLeft className="size-4" aria-hidden /> All organisations
      </Link>
      <h1 className="break-words text-2xl font-semibold">{org.name}</h1>
      <section aria-labelledby="organisation-details-heading" className="space-y-3">
        <h2 id="organisation-details-heading" className="text-lg font-semibold">
          Details
        </h2>
        <dl className="grid gap-x-6 gap-y-3 rounded-md border p-4 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium text-muted-foreground">Organisation ID</dt>
          <dd className="flex items-center gap-1 font-mono">
            {org.id} <CopyButton value={org.id} label="Copy the Organisation ID" />
          </dd>
          <dt className="font-medium text-muted-foreground">Organisation Name</dt>
          <dd>{org.name}</dd>
          <dt className="font-medium text-muted-foreground">Zuora account ID</dt>
          <dd className="font-mono">{org.zuoraAccountId ?? "—"}</dd>
          <dt className="font-medium text-muted-foreground">Salesforce account ID</dt>
          <dd className="font-mono">{org.salesforceAccountId ?? "—"}</dd>
          <dt className="font-medium text-muted-foreground">Created</dt>
          <dd>{formatDate(org.created)}</dd>
          <dt className="font-medium text-muted-foreground">Modified</dt>
          <dd>{formatDate(org.modified)}</dd>
        </dl>
      </section>
      {can(actor, "organisation:update", partner.id) ? (
        <OrganisationSettingsForm key={org.modified.toISOString()} org={{ id: org.id, name: org.name, zuoraAccountId: org.zuoraAccountId, salesforceAccountId: org.salesforceAccountId }} />
      ) : null}
      {can(actor, "organisation:move", partner.id) ? (
        // A partner user may move it only between the partner accounts they manage: their own, or No partner.
        <MoveOrganisationSection org={{ id: org.id, name: org.name }} current={partner.id} choices={[{ id: partner.id, name: partner.name }]} listHref={base} />
      ) : null}
      {can(actor, "organisation:delete", partner.id) ? (
        <DeleteOrganisationSection
          orgId={org.id}
          orgName={org.name}
          action={deleteOrganisationAction}
          redirectTo={base}
          note={`Deleting ${org.name} removes it from your partner account for good. This cannot be undone.`}
        />
      ) : null}
    </>
  );
}
