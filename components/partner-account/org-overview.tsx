import { INVOICE_OWNER_LABEL } from "@/components/partners/labels";
import type { PartnerOrgRow } from "@/db/schema";
import { invoiceOwnerSentence } from "./labels";

/** The partner account's details as its own users see them (the portal admins edit them). */
export function OrgOverview({ org }: { org: PartnerOrgRow }) {
  return (
    <section aria-labelledby="org-heading" className="space-y-3">
      <h2 id="org-heading" className="text-lg font-semibold">
        Partner account
      </h2>
      <dl className="grid gap-x-6 gap-y-3 rounded-md border p-4 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium text-muted-foreground">Partner organisation name</dt>
        <dd>{org.name}</dd>
        <dt className="font-medium text-muted-foreground">Partner slug</dt>
        <dd>
          <span className="font-mono">{org.slug}</span>
          <p className="text-muted-foreground">Your partner account&apos;s address: /partner/{org.slug}</p>
        </dd>
        <dt className="font-medium text-muted-foreground">Partner Organisation ID</dt>
        <dd className="font-mono">{org.id}</dd>
        <dt className="font-medium text-muted-foreground">Zuora account ID</dt>
        <dd className="font-mono">{org.zuoraAccountId}</dd>
        <dt className="font-medium text-muted-foreground">Zuora Invoice Owner</dt>
        <dd>
          {INVOICE_OWNER_LABEL[org.invoiceOwner]}
          <p className="text-muted-foreground">{invoiceOwnerSentence(org.invoiceOwner, org.zuoraAccountId)}</p>
        </dd>
        {org.primaryContactEmail ? (
          <>
            <dt className="font-medium text-muted-foreground">Primary contact</dt>
            <dd>
              {org.primaryContactName ? `${org.primaryContactName} · ` : ""}
              {org.primaryContactEmail}
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
