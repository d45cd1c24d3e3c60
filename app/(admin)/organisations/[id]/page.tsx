import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteOrganisationSection } from "@/components/organisations/delete-organisation-section";
import { deleteOrganisationAction } from "../actions/delete-organisation";
import { EditOrganisationDialog } from "@/components/organisations/edit-organisation-dialog";
import { MoveOrganisationSection } from "@/components/organisations/move-organisation-section";
import { CopyButton } from "@/components/partners/copy-button";
import { formatDate } from "@/lib/utils";
import { getDb } from "@/db";
import { can } from "@/lib/auth/policy";
import { requireAdminPage } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors";
import { getOrganisation } from "@/lib/organisations";

export const metadata = { title: "Organisation" };

/** A customer organisation in the admin app: Owners and Admins edit, move and delete it; Viewers read. */
export default async function OrganisationPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requireAdminPage();
  const { id } = await params;
  const org = await getOrganisation(await getDb(), admin, id).catch((err) => {
    if (err instanceof DomainError && err.code === "not_found") notFound();
    throw err;
  });
  const partner = org.partnerOrgId ? { id: org.partnerOrgId, name: org.partnerName ?? org.partnerOrgId } : null;
  return (
    <div className="max-w-5xl space-y-8">
      <Link href="/organisations" className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:underline">
        <ArrowLeft className="size-4" aria-hidden /> All organisations
      </Link>
      <h1 className="flex items-center gap-2 break-words text-2xl font-semibold">
        {org.name}
        {can(admin, "organisation:update") ? (
          <EditOrganisationDialog org={{ id: org.id, name: org.name, zuoraAccountId: org.zuoraAccountId, salesforceAccountId: org.salesforceAccountId }} />
        ) : null}
      </h1>
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
          <dt className="font-medium text-muted-foreground">Partner</dt>
          <dd>
            {partner ? (
              <Link href={`/settings/profile/partners/${partner.id}`} className="underline underline-offset-4">
                {partner.name}
              </Link>
            ) : (
              "No partner"
            )}
          </dd>
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
      {can(admin, "organisation:move") ? <MoveOrganisationSection key={org.partnerOrgId ?? ""} orgId={org.id} partner={partner} /> : null}
      {can(admin, "organisation:delete") ? <DeleteOrganisationSection orgId={org.id} orgName={org.name} action={deleteOrganisationAction} redirectTo="/organisations" /> : null}
    </div>
  );
}
