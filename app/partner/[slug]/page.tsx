import type { Metadata } from "next";
import { Suspense } from "react";
import { Pager } from "@/components/data-table/pager";
import { TableSearch } from "@/components/data-table/table-search";
import { withParams } from "@/components/data-table/url-state";
import { OrganisationsTable, type OrganisationSortLinks } from "@/components/organisations/organisations-table";
import { CreateOrganisationDialog } from "@/components/partner-account/organisations/create-organisation-dialog";
import { formatDate } from "@/lib/utils";
import { PartnersTableSkeleton } from "@/components/partners/partners-table-skeleton";
import { getDb } from "@/db";
import type { PartnerOrgRow } from "@/db/schema";
import { can } from "@/lib/auth/policy";
import type { PartnerActor } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors";
import { listOrganisationsTable } from "@/lib/organisations";
import { organisationsTableSearchSchema, type OrganisationsTableSearch } from "@/lib/validations/organisation";
import { loadPartnerAccount } from "./load-account";

export const metadata: Metadata = { title: "Organisations" };

type Search = Omit<OrganisationsTableSearch, "partner">;

/**
 * The partner account's landing page, "Organisations": its customer organisations,
 * searched, sorted and paged on the server, with the table's state in the URL.
 */
export default async function PartnerOrganisationsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const { actor, org, base } = await loadPartnerAccount(slug);
  const raw = await searchParams;
  const { partner: _ignored, ...search } = organisationsTableSearchSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Organisations</h1>
          <p className="text-sm text-muted-foreground">The organisations of your customers, managed from your partner account.</p>
        </div>
        {can(actor, "organisation:create", org.id) ? <CreateOrganisationDialog partnerOrgId={org.id} /> : null}
      </div>
      <TableSearch action={base} q={search.q} label="Search" placeholder="Name, ID or Zuora account ID" hidden={{ sort: search.sort, dir: search.dir, size: String(search.size) }} />
      <Suspense key={JSON.stringify(search)} fallback={<PartnersTableSkeleton label="Loading organisations" />}>
        <OrganisationsResults actor={actor} org={org} base={base} search={search} />
      </Suspense>
    </>
  );
}

async function OrganisationsResults({ actor, org, base, search }: { actor: PartnerActor; org: PartnerOrgRow; base: string; search: Search }) {
  const state = { q: search.q || undefined, sort: search.sort, dir: search.dir, size: search.size };
  const db = await getDb();
  const mine = { ...search, partner: org.id };
  const page = await listOrganisationsTable(db, actor, mine).catch((err) => {
    // A stale or hand-edited page link: start again from the first page.
    if (err instanceof DomainError && err.code === "invalid") return listOrganisationsTable(db, actor, { ...mine, after: undefined, before: undefined });
    throw err;
  });
  const sortLinks = Object.fromEntries(
    (["name", "created"] as const).map((col) => {
      const active = search.sort === col;
      const nextDir = active ? (search.dir === "asc" ? "desc" : "asc") : col === "created" ? "desc" : "asc";
      return [col, { href: withParams(base, state, { sort: col, dir: nextDir }), direction: active ? search.dir : null }];
    }),
  ) as OrganisationSortLinks;
  const rows = page.rows.map((r) => ({
    id: r.id,
    name: r.name,
    partnerOrgId: r.partnerOrgId,
    partnerName: r.partnerName,
    zuoraAccountId: r.zuoraAccountId,
    salesforceAccountId: r.salesforceAccountId,
    created: formatDate(r.created),
  }));
  const total = page.total.capped ? `more than ${page.total.count.toLocaleString("en-GB")}` : page.total.count.toLocaleString("en-GB");
  const empty = search.q ? "No organisations match." : "Your partner account has no organisations yet.";
  return (
    <div>
      <OrganisationsTable rows={rows} sortLinks={sortLinks} empty={empty} hrefBase={`${base}/organisations`} showPartner={false} />
      <Pager
        summary={`${rows.length} shown of ${total} organisation${page.total.count === 1 ? "" : "s"}`}
        prevHref={page.prevCursor ? withParams(base, state, { before: page.prevCursor }) : undefined}
        nextHref={page.nextCursor ? withParams(base, state, { after: page.nextCursor }) : undefined}
      />
    </div>
  );
}
