import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PartnerHome } from "@/components/partner-account/partner-home";
import { getPartner } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Partner pages" };

export default async function PartnerOrgPage({ params }: { params: Promise<{ orgId: string }> }) {
  const partner = await getPartner();
  if (!partner) redirect("/partner");
  const { orgId } = await params;
  return <PartnerHome actor={partner} orgId={orgId} />;
}
