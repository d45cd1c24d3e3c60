"use client";
import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo } from "react";
import { DataTable, type CoreFeatures } from "@/components/data-table/data-table";
import { CopyButton } from "@/components/partners/copy-button";
import { SortLink, ariaSort, type SortState } from "@/components/data-table/sort-link";

export interface OrganisationRowView {
  id: string;
  name: string;
  partnerOrgId: string | null;
  partnerName: string | null;
  zuoraAccountId: string | null;
  salesforceAccountId: string | null;
  created: string;
}

export type OrganisationSortLinks = Record<"name" | "created", SortState>;

const helper = createColumnHelper<CoreFeatures, OrganisationRowView>();

const partnerColumn = helper.accessor("partnerName", {
  header: "Partner",
  cell: (info) =>
    info.row.original.partnerOrgId ? (
      <Link href={`/settings/profile/partners/${info.row.original.partnerOrgId}`} className="underline-offset-4 hover:underline">
        {info.getValue() ?? info.row.original.partnerOrgId}
      </Link>
    ) : (
      <span className="text-muted-foreground">No partner</span>
    ),
});

/**
 * Every customer organisation (or one partner's), as the server paged, sorted and filtered them.
 * `hrefBase` is where an organisation's page lives (the admin app's, or a partner account's);
 * a partner account's own table has no Partner column.
 */
export function OrganisationsTable({
  rows,
  sortLinks,
  empty,
  hrefBase = "/organisations",
  showPartner = true,
}: {
  rows: OrganisationRowView[];
  sortLinks?: OrganisationSortLinks;
  empty: string;
  hrefBase?: string;
  showPartner?: boolean;
}) {
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor("id", {
          header: "Organisation ID",
          cell: (info) => (
            <span className="flex items-center gap-1 font-mono text-xs">
              {info.getValue()}
              <CopyButton value={info.getValue()} label={`Copy the ID of ${info.row.original.name}`} />
            </span>
          ),
        }),
        helper.accessor("name", {
          header: () => (sortLinks ? <SortLink label="Name" link={sortLinks.name} /> : "Name"),
          meta: { ariaSort: sortLinks ? ariaSort(sortLinks.name.direction) : undefined },
          cell: (info) => (
            <Link href={`${hrefBase}/${info.row.original.id}`} className="font-medium underline-offset-4 hover:underline">
              {info.getValue()}
            </Link>
          ),
        }),
        ...(showPartner ? [partnerColumn] : []),
        helper.accessor("zuoraAccountId", { header: "Zuora account ID", cell: (info) => <span className="font-mono text-xs">{info.getValue() ?? "—"}</span> }),
        helper.accessor("salesforceAccountId", { header: "Salesforce account ID", cell: (info) => <span className="font-mono text-xs">{info.getValue() ?? "—"}</span> }),
        helper.accessor("created", {
          header: () => (sortLinks ? <SortLink label="Created" link={sortLinks.created} /> : "Created"),
          meta: { ariaSort: sortLinks ? ariaSort(sortLinks.created.direction) : undefined },
          cell: (info) => <span className="whitespace-nowrap">{info.getValue()}</span>,
        }),
      ]),
    [sortLinks, hrefBase, showPartner],
  );
  return <DataTable columns={columns} data={rows} caption="Customer organisations" getRowId={(row) => row.id} empty={empty} />;
}
