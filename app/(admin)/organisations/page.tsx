import Link from "next/link";
import { Suspense } from "react";
import { Pager } from "@/components/data-table/pager";
import { TableSearch } from "@/components/data-table/table-search";
import { withParams } from "@/components/data-table/url-state";
import { CreateOrganisationDialog } from "@/components/organisations/create-organisation-dialog";
import { OrganisationsTable, type OrganisationSortLinks } from "@/components/organisations/organisations-table";
import { formatDate } from "@/lib/utils";
import { PartnersTableSkeleton } from "@/components/partners/partners-table-skeleton";
import { getDb } from "@/db";
import { can } from "@/lib/auth/policy";
import { requireAdminPage, type AdminActor } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors";
import { listOrganisationsTable } from "@/lib/organisations";
import { getPartnerOrg } from "@/lib/partners/orgs";
import { NO_PARTNER, organisationsTableSearchSchema, type OrganisationsTableSearch } from "@/lib/validations/organisation";

export const metadata = { title: "Organisations" };

const PATH = "/organisations";

/** Every customer organisation: search, sort, keyset paging and the partner filter, all in the URL. */
export default async function OrganisationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdminPage();
  const raw = await searchParams;
  const search = organisationsTableSearchSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const partner =
    search.partner && search.partner !== NO_PARTNER
      ? await getPartnerOrg(await getDb(), admin, search.partner).then(
          (p) => ({ id: p.id, name: p.name }),
          (err) => {
            if (err instanceof DomainError && err.code === "not_found") return { id: search.partner!, name: "Unknown partner" };
            throw err;
          },
        )
      : null;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Organisations</h1>
          <p className="text-sm text-muted-foreground">
            The customer organisations partners resell to.{" "}
            {partner ? (
              <>
                Showing those of <Link href={`/settings/profile/partners/${partner.id}`} className="underline underline-offset-4">{partner.name}</Link>.
              </>
            ) : null}
          </p>
        </div>
        {can(admin, "organisation:create") ? <CreateOrganisationDialog partner={partner} /> : null}
      </div>
      <TableSearch action={PATH} q={search.q} label="Search" placeholder="Name, ID or Zuora account ID" hidden={{ sort: search.sort, dir: search.dir, size: String(search.size) }}>
        <div className="grid gap-1.5">
          <label htmlFor="partner-filter" className="text-sm font-medium">
            Partner
          </label>
          <select id="partner-filter" name="partner" defaultValue={search.partner ?? ""} className="h-9 rounded-md border border-input bg-background px-2 text-sm">
            <option value="">All partners</option>
            <option value={NO_PARTNER}>No partner</option>
            {partner ? <option value={partner.id}>{partner.name}</option> : null}
          </select>
        </div>
      </TableSearch>
      <Suspense key={JSON.stringify(search)} fallback={<PartnersTableSkeleton label="Loading organisations" />}>
        <OrganisationsResults admin={admin} search={search} />
      </Suspense>
    </div>
  );
}

async function OrganisationsResults({ admin, search }: { admin: AdminActor; search: OrganisationsTableSearch }) {
  const state = { q: search.q || undefined, sort: search.sort, dir: search.dir, size: search.size, partner: search.partner };
  const db = await getDb();
  const page = await listOrganisationsTable(db, admin, search).catch((err) => {
    // A stale or hand-edited page link: start again from the first page.
    if (err instanceof DomainError && err.code === "invalid") return listOrganisationsTable(db, admin, { ...search, after: undefined, before: undefined });
    throw err;
  });
  const sortLinks = Object.fromEntries(
    (["name", "created"] as const).map((col) => {
      const active = search.sort === col;
      const nextDir = active ? (search.dir === "asc" ? "desc" : "asc") : col === "created" ? "desc" : "asc";
      return [col, { href: withParams(PATH, state, { sort: col, dir: nextDir }), direction: active ? search.dir : null }];
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
  return (
    <div>
      <OrganisationsTable rows={rows} sortLinks={sortLinks} empty="No organisations match. Use Create an Organisation to add one." />
      <Pager
        summary={`${rows.length} shown of ${total} organisation${page.total.count === 1 ? "" : "s"}`}
        prevHref={page.prevCursor ? withParams(PATH, state, { before: page.prevCursor }) : undefined}
        nextHref={page.nextCursor ? withParams(PATH, state, { after: page.nextCursor }) : undefined}
      />
    </div>
  );
}
