import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db";
import { getPartner } from "@/lib/auth/session";
import { getPartnerOrg } from "@/lib/partners/orgs";

/**
 * The partner pages' old address. Its own partner account's id redirects to /partner/<slug>;
 * any other id is "not found", as before, so old links reveal no slug.
 */
export default async function OldPartnerOrgPage({ params }: { params: Promise<{ orgId: string }> }) {
  const partner = await getPartner();
  if (!partner) redirect("/partner");
  const { orgId } = await params;
  if (orgId !== partner.partnerOrgId) notFound();
  const org = await getPartnerOrg(await getDb(), partner, orgId);
  redirect(`/partner/${org.slug}`);
}
