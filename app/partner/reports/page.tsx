import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PartnerShell } from "@/components/partner-account/partner-shell";
import { PartnerReports } from "@/components/reports/partner-reports";
import { getDb } from "@/db";
import { getPartner } from "@/lib/auth/session";
import { getPartnerOrg } from "@/lib/partners/orgs";

export const metadata: Metadata = { title: "Reports" };

/**
 * Interim place of the partner "Reports" page, for the signed-in partner user's own account, until
 * the partner account pages (/partner/<slug>) land: there it becomes app/partner/[slug]/reports/page.tsx
 * rendering <PartnerReports basePath={`/partner/${slug}/reports`} …/> inside the account layout.
 */
export default async function PartnerReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const partner = await getPartner();
  if (!partner) redirect("/partner");
  const org = await getPartnerOrg(await getDb(), partner, partner.partnerOrgId);
  return (
    <PartnerShell org={org} userLabel={partner.label}>
      <PartnerReports actor={partner} partnerOrgId={partner.partnerOrgId} basePath="/partner/reports" searchParams={await searchParams} />
    </PartnerShell>
  );
}
