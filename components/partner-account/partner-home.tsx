import Link from "next/link";
import { notFound, redirect } from "next/navigation";
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
    // Seed 004: after setting their password, the contact sees the partner form.
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
      {/* Until the partner account's left-hand pane lands, its Reports page is reached from here. */}
      <p>
        <Link href="/partner/reports" className="font-medium underline underline-offset-4">
          Reports
        </Link>
        <span className="text-sm text-muted-foreground">: usage of your organisations</span>
      </p>
      <TeamSection actor={actor} orgId={org.id} />
      <PartnerActivitySection actor={actor} orgId={org.id} />
    </PartnerShell>
  );
}
