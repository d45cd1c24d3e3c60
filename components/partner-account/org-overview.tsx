import { OrgDetails } from "@/components/partners/org-details";
import type { PartnerOrgRow } from "@/db/schema";

/** The organisation's details as its own users see them. */
export function OrgOverview({ org }: { org: PartnerOrgRow }) {
  return (
    <section aria-labelledby="org-heading" className="space-y-3">
      <h1 id="org-heading" className="text-2xl font-semibold">
        {org.name}
      </h1>
      <OrgDetails org={org} audience="partner" />
    </section>
  );
}
