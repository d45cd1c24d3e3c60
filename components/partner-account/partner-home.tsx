import "server-only";
import { notFound, redirect } from "next/navigation";
import { createPartnerScimTokenAction } from "@/app/partner/actions/create-scim-token";
import { revokePartnerScimTokenAction } from "@/app/partner/actions/revoke-scim-token";
import { ScimSection } from "@/components/scim/scim-section";
import { getDb } from "@/db";
import type { PartnerActor } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors";
import { can } from "@/lib/auth/policy";
import { getPartnerOrg } from "@/lib/partners/orgs";
import { OrgOverview } from "./org-overview";
import { PartnerActivitySection } from "./partner-activity-section";
import { PartnerShell } from "./partner-shell";
import { TeamSection } from "./team-section";

/**
 * The partner pages of one organisation. Another organisation's id is "not found", never
 * "forbidden", so its existence is not revealed.
 */
export async function PartnerHome({ actor, orgId }: { actor: PartnerActor; orgId: string }) {
  if (orgId !== actor.partnerOrgId) notFound();
  const org = await getPartnerOrg(await getDb(), actor, orgId).catch((err) => {
    if (err instanceof DomainError && (err.code === "not_found" || err.code === "forbidden")) notFound();
    throw err;
  });
  if (org.status === "pending") {
    // A pending organisation: after setting their password, its Admin fills in the partner form.
    if (can(actor, "org:complete-form", org.id)) redirect("/partner/complete");
    return (
      <PartnerShell org={org} userLabel={actor.label}>
        <section aria-labelledby="pending-heading" className="space-y-2 rounded-md border p-6">
          <h1 id="pending-heading" className="text-xl font-semibold">
            Complete your partner form
          </h1>
          <p className="text-sm text-muted-foreground">
            {org.name} is pending approval. Once your partner form has been submitted and approved, your partner pages and your
            team will appear here.
          </p>
        </section>
      </PartnerShell>
    );
  }
  return (
    <PartnerShell org={org} userLabel={actor.label}>
      <OrgOverview org={org} />
      <TeamSection actor={actor} orgId={org.id} />
      <ScimSection actor={actor} orgId={org.id} actions={{ create: createPartnerScimTokenAction, revoke: revokePartnerScimTokenAction }} />
      <PartnerActivitySection actor={actor} orgId={org.id} />
    </PartnerShell>
  );
}
