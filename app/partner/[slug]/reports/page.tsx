import type { Metadata } from "next";
import { ComingSoon } from "@/components/partner-account/coming-soon";
import { loadPartnerAccount } from "../load-account";

export const metadata: Metadata = { title: "Reports" };

/** Reports (usage per organisation): the page is here, its reports come next. */
export default async function PartnerReportsPage({ params }: { params: Promise<{ slug: string }> }) {
  await loadPartnerAccount((await params).slug);
  return (
    <>
      <h1 className="text-2xl font-semibold">Reports</h1>
      <ComingSoon title="Reports are coming soon.">They will show usage for each organisation of your partner account.</ComingSoon>
    </>
  );
}
