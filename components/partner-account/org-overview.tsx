import "server-only";
import { OrgDetails } from "@/components/partners/org-details";
import type { PartnerOrgRow } from "@/db/schema";

/** The partner account's details as its own users see them (the portal admins edit them). */
export function OrgOverview({ org }: { org: PartnerOrgRow }) {
  return (
    <section aria-labelledby="org-heading" className="space-y-3">
      <h2 id="org-heading" className="text-lg font-semibold">
        Partner account
      </h2>
      <OrgDetails org={org} audience="partner" />
    </section>
  );
}
