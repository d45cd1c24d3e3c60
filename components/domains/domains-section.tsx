import { CopyButton } from "@/components/partners/copy-button";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { listPartnerDomains, type PartnerDomainView } from "@/lib/partners/domains";
import { formatDate } from "@/lib/utils";
import { AddDomainForm } from "./add-domain-form";
import { DomainActionButton, RemoveDomainButton } from "./domain-buttons";
import type { DomainActions } from "./types";

function Record({ label, value }: { label: string; value: string }) {
  return (
    <div className="grid gap-0.5">
      <dt className="text-xs font-medium text-muted-foreground">{label}</dt>
      <dd className="flex items-center gap-1 break-all font-mono text-xs">
        {value} <CopyButton value={value} label={`Copy the ${label.toLowerCase()}`} />
      </dd>
    </div>
  );
}

function Status({ d }: { d: PartnerDomainView }) {
  if (d.verifiedAt) {
    return (
      <>
        <Badge variant="success">Verified</Badge>
        <span className="block text-xs text-muted-foreground">
          {formatDate(d.verifiedAt)}
          {d.verificationMethod === "admin" ? " by a portal admin" : " by DNS record"}
        </span>
      </>
    );
  }
  return (
    <>
      <Badge variant="warning">Not verified</Badge>
      {d.lastCheckedAt ? <span className="block text-xs text-muted-foreground">Last checked {formatDate(d.lastCheckedAt)}</span> : null}
    </>
  );
}

/**
 * "Domains": the email domains the partner has proved it owns. Single sign-on vouches only for
 * addresses of verified domains, and the sign-in page sends those addresses to the partner's
 * identity provider. Placed by a page with its own actions.
 */
export async function DomainsSection({ actor, orgId, actions }: { actor: Actor; orgId: string; actions: DomainActions }) {
  if (!can(actor, "sso:read", orgId)) return null;
  const domains = await listPartnerDomains(await getDb(), actor, orgId);
  const manage = can(actor, "sso:manage", orgId);
  const markVerified = actions.markVerified && can(actor, "domain:mark-verified", orgId) ? actions.markVerified : null;
  return (
    <section aria-labelledby="domains-heading" className="space-y-3">
      <h2 id="domains-heading" className="text-lg font-semibold">
        Domains
      </h2>
      <p className="text-sm text-muted-foreground">
        Verify the email domains your organisation owns. People with an email address at a verified domain go to your identity provider when they sign in, and
        single sign-on accepts only addresses of verified domains. To verify a domain, publish its TXT record in the domain&apos;s DNS, then select Verify.
      </p>
      {manage ? <AddDomainForm orgId={orgId} add={actions.add} /> : null}
      <Table>
        <TableCaption className="sr-only">Domains</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>Domain</TableHead>
            <TableHead>Status</TableHead>
            <TableHead>TXT record</TableHead>
            {manage ? (
              <TableHead>
                <span className="sr-only">Actions</span>
              </TableHead>
            ) : null}
          </TableRow>
        </TableHeader>
        <TableBody>
          {domains.length === 0 ? (
            <TableRow>
              <TableCell colSpan={manage ? 4 : 3} className="text-muted-foreground">
                No domains yet.{manage ? " Use Add domain to add your organisation's email domain." : ""}
              </TableCell>
            </TableRow>
          ) : null}
          {domains.map((d) => {
            const target = { orgId, id: d.id, domain: d.domain };
            return (
              <TableRow key={d.id} data-testid={`domain-${d.domain}`}>
                <TableCell className="font-medium">{d.domain}</TableCell>
                <TableCell className="whitespace-nowrap">
                  <Status d={d} />
                </TableCell>
                <TableCell>
                  {d.verifiedAt ? (
                    <span className="text-muted-foreground">—</span>
                  ) : (
                    <dl className="grid gap-1">
                      <Record label="Record name" value={d.recordName} />
                      <Record label="Record value" value={d.recordValue} />
                    </dl>
                  )}
                </TableCell>
                {manage ? (
                  <TableCell>
                    <div className="flex flex-wrap justify-end gap-2">
                      {d.verifiedAt ? null : <DomainActionButton target={target} action={actions.verify} label="Verify" pendingLabel="Checking DNS…" success={`${d.domain} verified.`} variant="default" />}
                      {d.verifiedAt || !markVerified ? null : (
                        <DomainActionButton target={target} action={markVerified} label="Mark as verified" success={`${d.domain} marked as verified.`} />
                      )}
                      <RemoveDomainButton target={target} remove={actions.remove} />
                    </div>
                  </TableCell>
                ) : null}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </section>
  );
}
