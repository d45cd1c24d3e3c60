import type { Metadata } from "next";
import { ComingSoon } from "@/components/partner-account/coming-soon";
import { OrgOverview } from "@/components/partner-account/org-overview";
import { loadPartnerAccount } from "../load-account";

export const metadata: Metadata = { title: "Settings" };

/**
 * The partner account's settings: its details as the portal admins set them, read-only here.
 * Branding (white labelling) and single sign-on settings come next.
 */
export default async function PartnerSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { org } = await loadPartnerAccount((await params).slug);
  return (
    <>
      <h1 className="text-2xl font-semibold">Settings</h1>
      <OrgOverview org={org} />
      <ComingSoon title="More settings are coming soon.">
        Your Admins will set your partner account&apos;s logos and support link here, and its single sign-on.
      </ComingSoon>
    </>
  );
}
