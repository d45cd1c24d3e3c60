import { CopyButton } from "@/components/partners/copy-button";
import { formatDate } from "@/lib/utils";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { listScimTokens, scimBaseUrl } from "@/lib/scim/tokens";
import { CreateScimTokenDialog } from "./create-scim-token-dialog";
import { RevokeScimTokenButton } from "./revoke-scim-token-button";
import type { ScimTokenActions } from "./types";

/**
 * "Provisioning (SCIM)": the partner's directory (Okta, Entra ID...) creates, updates, suspends and
 * removes its users through SCIM with one of these tokens. Placed by a page with its own actions.
 */
export async function ScimSection({ actor, orgId, actions }: { actor: Actor; orgId: string; actions: ScimTokenActions }) {
  if (!can(actor, "scim:read", orgId)) return null;
  const tokens = await listScimTokens(await getDb(), actor, orgId);
  const manage = can(actor, "scim:manage", orgId);
  const baseUrl = scimBaseUrl(orgId);
  return (
    <section aria-labelledby="scim-heading" className="space-y-3">
      <div className="flex items-center justify-between gap-4">
        <h2 id="scim-heading" className="text-lg font-semibold">
          Provisioning (SCIM)
        </h2>
        {manage ? <CreateScimTokenDialog orgId={orgId} create={actions.create} /> : null}
      </div>
      <p className="text-sm text-muted-foreground">
        Connect the organisation&apos;s directory (Okta, Microsoft Entra ID or any SCIM 2.0 client) to create, update, suspend and remove its
        users automatically. Give the directory the SCIM base URL and a SCIM token.
      </p>
      <dl className="grid gap-1 text-sm">
        <dt className="font-medium text-muted-foreground">SCIM base URL</dt>
        <dd className="flex items-center gap-1 break-all font-mono text-xs">
          {baseUrl} <CopyButton value={baseUrl} label="Copy the SCIM base URL" />
        </dd>
      </dl>
      <Table>
        <TableCaption className="sr-only">SCIM tokens</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>Description</TableHead>
            <TableHead>Token</TableHead>
            <TableHead>Created</TableHead>
            <TableHead>Last used</TableHead>
            <TableHead>Status</TableHead>
            {manage ? (
              <TableHead>
                <span className="sr-only">Actions</span>
              </TableHead>
            ) : null}
          </TableRow>
        </TableHeader>
        <TableBody>
          {tokens.length === 0 ? (
            <TableRow>
              <TableCell colSpan={manage ? 6 : 5} className="text-muted-foreground">
                No SCIM tokens yet.{manage ? " Use Create SCIM token to connect a directory." : ""}
              </TableCell>
            </TableRow>
          ) : null}
          {tokens.map((t) => {
            const label = t.description ? `${t.description} (…${t.hint})` : `token …${t.hint}`;
            return (
              <TableRow key={t.id}>
                <TableCell>{t.description ?? "—"}</TableCell>
                <TableCell className="font-mono text-xs">…{t.hint}</TableCell>
                <TableCell className="whitespace-nowrap">
                  {formatDate(t.created)}
                  {t.createdBy ? <span className="block text-xs text-muted-foreground">by {t.createdBy}</span> : null}
                </TableCell>
                <TableCell className="whitespace-nowrap">{t.lastUsedAt ? formatDate(t.lastUsedAt) : "Never"}</TableCell>
                <TableCell>{t.revokedAt ? `Revoked ${formatDate(t.revokedAt)}` : "Active"}</TableCell>
                {manage ? (
                  <TableCell className="text-right">
                    {t.revokedAt ? null : <RevokeScimTokenButton orgId={orgId} id={t.id} label={label} revoke={actions.revoke} />}
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
