import type { Metadata } from "next";
import { PartnerReports } from "@/components/reports/partner-reports";
import { loadPartnerAccount } from "../load-account";

export const metadata: Metadata = { title: "Reports" };

/** Seed 002's Reports: the usage of each organisation of the partner account, for every partner role. */
export default async function PartnerReportsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { actor, org, base } = await loadPartnerAccount((await params).slug);
  return <PartnerReports actor={actor} partnerOrgId={org.id} basePath={`${base}/reports`} searchParams={await searchParams} />;
}
