"use client";
import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo } from "react";
import { DataTable, type CoreFeatures } from "@/components/data-table/data-table";
import { SortLink, ariaSort } from "@/components/data-table/sort-link";
import { Badge } from "@/components/ui/badge";
import type { InvoiceOwner, PartnerOrgStatus } from "@/db/schema";
import { CopyButton } from "./copy-button";
import { INVOICE_OWNER_LABEL, ORG_STATUS_LABEL } from "./labels";
import { OrgLogo } from "./org-logo";

export interface PartnerRowView {
  id: string;
  name: string;
  logo: string | null;
  zuoraAccountId: string;
  salesforceAccountId: string | null;
  invoiceOwner: InvoiceOwner;
  status: PartnerOrgStatus;
  userCount: number;
  organisationCount: number;
  created: string;
}

export type SortLinks = Record<"name" | "zuoraAccountId" | "created" | "status", { href: string; direction: "asc" | "desc" | null }>;

const helper = createColumnHelper<CoreFeatures, PartnerRowView>();


export function PartnersTable({ rows, sortLinks }: { rows: PartnerRowView[]; sortLinks: SortLinks }) {
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor("id", {
          header: "Partner Organisation ID",
          cell: (info) => (
            <span className="flex items-center gap-1 font-mono text-xs">
              {info.getValue()}
              <CopyButton value={info.getValue()} label={`Copy the ID of ${info.row.original.name}`} />
            </span>
          ),
        }),
        helper.accessor("name", {
          header: () => <SortLink label="Name" link={sortLinks.name} />,
          meta: { ariaSort: ariaSort(sortLinks.name.direction) },
          cell: (info) => (
            <Link href={`/settings/profile/partners/${info.row.original.id}`} className="flex items-center gap-2 font-medium underline-offset-4 hover:underline">
              <OrgLogo logo={info.row.original.logo} name={info.row.original.name} />
              {info.getValue()}
            </Link>
          ),
        }),
        helper.accessor("zuoraAccountId", {
          header: () => <SortLink label="Zuora account ID" link={sortLinks.zuoraAccountId} />,
          meta: { ariaSort: ariaSort(sortLinks.zuoraAccountId.direction) },
          cell: (info) => <span className="font-mono text-xs">{info.getValue()}</span>,
        }),
        helper.accessor("salesforceAccountId", {
          header: "Salesforce account ID",
          cell: (info) => <span className="font-mono text-xs">{info.getValue() ?? "—"}</span>,
        }),
        helper.accessor("invoiceOwner", {
          header: "Zuora Invoice Owner",
          cell: (info) => INVOICE_OWNER_LABEL[info.getValue()],
        }),
        helper.accessor("status", {
          header: () => <SortLink label="Status" link={sortLinks.status} />,
          meta: { ariaSort: ariaSort(sortLinks.status.direction) },
          cell: (info) => (
            <Badge variant={info.getValue() === "approved" ? "success" : "warning"}>{ORG_STATUS_LABEL[info.getValue()]}</Badge>
          ),
        }),
        helper.accessor("userCount", { header: "Users", cell: (info) => info.getValue() }),
        helper.accessor("organisationCount", {
          header: "Organisations",
          cell: (info) => (
            <Link
              href={`/organisations?partner=${info.row.original.id}`}
              className="underline-offset-4 hover:underline"
              title="Show these customer organisations"
            >
              {info.getValue()}
            </Link>
          ),
        }),
        helper.accessor("created", {
          header: () => <SortLink label="Created" link={sortLinks.created} />,
          meta: { ariaSort: ariaSort(sortLinks.created.direction) },
          cell: (info) => <span className="whitespace-nowrap">{info.getValue()}</span>,
        }),
      ]),
    [sortLinks],
  );
  return (
    <DataTable
      columns={columns}
      data={rows}
      caption="Partner organisations"
      getRowId={(row) => row.id}
      empty="No partner organisations match. Use Create Partner to add one."
    />
  );
}
