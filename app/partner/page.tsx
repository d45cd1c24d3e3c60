import type { Metadata } from "next";
import { PartnerHome } from "@/components/partner-account/partner-home";
import { PartnerSignIn } from "@/components/partner-account/partner-sign-in";
import { getPartner } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Partner pages" };

/** Signed out (or signed in as a portal admin, who is not a partner user): the partner sign-in. */
export default async function PartnerPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const partner = await getPartner();
  if (!partner) {
    const { error, password } = await searchParams;
    return <PartnerSignIn notice={password === "set" ? "password-set" : undefined} error={error === "sso" || error === "suspended" ? error : undefined} />;
  }
  return <PartnerHome actor={partner} orgId={partner.partnerOrgId} />;
}
