import type { PartnerOrgRow } from "@/db/schema";
import { formatDate } from "@/lib/utils";
import { CopyButton } from "./copy-button";
import { INVOICE_OWNER_HELP, INVOICE_OWNER_LABEL, invoiceOwnerSentence, ORG_LABEL } from "./labels";

/**
 * A partner organisation's details, as a list of labelled values. Portal admins see every field;
 * the organisation's own users see what concerns them, with the invoice owner said in their words.
 */
export function OrgDetails({ org, audience, slugControl }: { org: PartnerOrgRow; audience: "admin" | "partner"; slugControl?: React.ReactNode }) {
  const admin = audience === "admin";
  return (
    <dl className="grid gap-x-6 gap-y-3 rounded-md border p-4 text-sm sm:grid-cols-[max-content_1fr]">
      <Detail label={ORG_LABEL.id} className="flex items-center gap-1 font-mono">
        {org.id}
        {admin ? <CopyButton value={org.id} label={`Copy the ${ORG_LABEL.id}`} /> : null}
      </Detail>
      {admin ? <Detail label={ORG_LABEL.name}>{org.name}</Detail> : null}
      <Detail label={ORG_LABEL.slug}>
        <span className="flex items-center gap-1">
          <span className="font-mono">{org.slug}</span>
          {admin ? <CopyButton value={org.slug} label={`Copy the ${ORG_LABEL.slug}`} /> : null}
          {slugControl}
        </span>
        <p className="text-xs text-muted-foreground">
          {admin ? "The partner pages' address" : "Your partner account's address"}: /partner/{org.slug}
        </p>
      </Detail>
      {admin ? (
        <Detail label={ORG_LABEL.logo} className="break-all">
          {org.logo ?? "—"}
          {org.logoLightHash ? (
            <p className="text-xs text-muted-foreground" data-testid="logo-url-note">
              {org.logo ? "Not in use: the uploaded Partner Logo takes precedence." : "The uploaded Partner Logo is in use."}
            </p>
          ) : null}
        </Detail>
      ) : null}
      <Detail label={ORG_LABEL.zuoraAccountId} className="font-mono">
        {org.zuoraAccountId}
      </Detail>
      {admin ? (
        <Detail label={ORG_LABEL.salesforceAccountId} className="font-mono">
          {org.salesforceAccountId ?? "—"}
        </Detail>
      ) : null}
      <Detail label={ORG_LABEL.invoiceOwner}>
        {INVOICE_OWNER_LABEL[org.invoiceOwner]}
        <p className={admin ? "text-xs text-muted-foreground" : "text-muted-foreground"}>
          {admin ? INVOICE_OWNER_HELP[org.invoiceOwner] : invoiceOwnerSentence(org.invoiceOwner, org.zuoraAccountId)}
        </p>
      </Detail>
      {org.primaryContactEmail ? (
        <Detail label={ORG_LABEL.primaryContact}>
          {org.primaryContactName ? `${org.primaryContactName} · ` : ""}
          {org.primaryContactEmail}
        </Detail>
      ) : null}
      {admin ? <Detail label={ORG_LABEL.created}>{formatDate(org.created)}</Detail> : null}
      {admin ? <Detail label={ORG_LABEL.modified}>{formatDate(org.modified)}</Detail> : null}
    </dl>
  );
}

function Detail({ label, className, children }: { label: string; className?: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="font-medium text-muted-foreground">{label}</dt>
      <dd className={className}>{children}</dd>
    </>
  );
}
