import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PartnerSignIn } from "@/components/partner-account/partner-sign-in";
import { getDb } from "@/db";
import { getPartner } from "@/lib/auth/session";
import { getPartnerOrg } from "@/lib/partners/orgs";
import { getPublicBrand } from "@/lib/branding/branding";

export const metadata: Metadata = { title: "Partner sign-in" };

/**
 * The partner sign-in. Signed out (or signed in as a portal admin, who is not a partner user):
 * the form, branded with the partner's name, logo and support information when opened as
 * /partner?partner=<slug> (an unknown slug shows the plain form). A signed-in partner user lands
 * on their partner account, /partner/<slug>.
 */
export default async function PartnerPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const partner = await getPartner();
  if (!partner) {
    const { error, password, partner: slug, sign_in: method } = await searchParams;
    const brand = typeof slug === "string" ? await getPublicBrand(await getDb(), slug) : null;
    return (
      <PartnerSignIn
        brand={brand}
        notice={password === "set" ? "password-set" : undefined}
        error={error === "sso" || error === "suspended" ? error : undefined}
        passwordOnly={method === "password"}
      />
    );
  }
  const org = await getPartnerOrg(await getDb(), partner, partner.partnerOrgId);
  redirect(`/partner/${org.slug}`);
}
