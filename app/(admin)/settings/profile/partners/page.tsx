import { Suspense } from "react";
import { Pager } from "@/components/data-table/pager";
import { TableSearch } from "@/components/data-table/table-search";
import { withParams } from "@/components/data-table/url-state";
import { CreatePartnerDialog } from "@/components/partners/create-partner-dialog";
import { ORG_STATUS_LABEL } from "@/components/partners/labels";
import { InvitePartnerDialog } from "@/components/partners/invite-partner-dialog";
import { buttonVariants } from "@/components/ui/button";
import { formatDate } from "@/lib/utils";
import { PartnersTable, type SortLinks } from "@/components/partners/partners-table";
import { PartnersTableSkeleton } from "@/components/partners/partners-table-skeleton";
import { getDb } from "@/db";
import { can } from "@/lib/auth/policy";
import { requireAdminPage, type AdminActor } from "@/lib/auth/session";
import { config } from "@/lib/config";
import { DomainError } from "@/lib/errors";
import { countOrganisationsByPartner } from "@/lib/organisations";
import { listPartnersTable } from "@/lib/partners/partners-table";
import { partnersTableSearchSchema, type PartnersTableSearch } from "@/lib/validations/partner-org";

export const metadata = { title: "Partners" };

const PATH = "/settings/profile/partners";

export default async function PartnersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdminPage();
  const raw = await searchParams;
  const search = partnersTableSearchSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Partners</h1>
          <p className="text-sm text-muted-foreground">Partner organisations and their partner users.</p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <a
            href={withParams(`${PATH}/export`, { q: search.q || undefined, status: search.status, sort: search.sort, dir: search.dir }, {})}
            className={buttonVariants({ variant: "outline" })}
            download
          >
            Export CSV
          </a>
          {can(admin, "org:create") ? <InvitePartnerDialog /> : null}
          {can(admin, "org:create") ? <CreatePartnerDialog salesforceRequired={config.salesforceEnabled()} /> : null}
        </div>
      </div>
      <TableSearch
        action={PATH}
        q={search.q}
        label="Search"
        placeholder="Name, ID or Zuora account ID"
        hidden={{ sort: search.sort, dir: search.dir, size: String(search.size) }}
      >
        <div className="grid gap-1.5">
          <label htmlFor="status-filter" className="text-sm font-medium">
            Status
          </label>
          <select id="status-filter" name="status" defaultValue={search.status ?? ""} className="h-9 rounded-md border border-input bg-background px-2 text-sm">
            <option value="">All</option>
            {(["approved", "pending"] as const).map((status) => (
              <option key={status} value={status}>
                {ORG_STATUS_LABEL[status]}
              </option>
            ))}
          </select>
        </div>
      </TableSearch>
      <Suspense key={JSON.stringify(search)} fallback={<PartnersTableSkeleton />}>
        <PartnersResults admin={admin} search={search} />
      </Suspense>
    </div>
  );
}

async function PartnersResults({ admin, search }: { admin: AdminActor; search: PartnersTableSearch }) {
  const state = { q: search.q || undefined, sort: search.sort, dir: search.dir, size: search.size, status: search.status };
  let page;
  try {
    page = await listPartnersTable(await getDb(), admin, search);
  } catch (err) {
    if (err instanceof DomainError && err.code === "invalid") {
      page = await listPartnersTable(await getDb(), admin, { ...search, after: undefined, before: undefined });
    } else throw err;
  }
  const sortLinks = Object.fromEntries(
    (["name", "zuoraAccountId", "created", "status"] as const).map((col) => {
      const active = search.sort === col;
      const nextDir = active ? (search.dir === "asc" ? "desc" : "asc") : col === "created" ? "desc" : "asc";
      return [col, { href: withParams(PATH, state, { sort: col, dir: nextDir }), direction: active ? search.dir : null }];
    }),
  ) as SortLinks;
  const organisations = await countOrganisationsByPartner(await getDb(), admin, page.rows.map((r) => r.id));
  const rows = page.rows.map((r) => ({
    id: r.id,
    name: r.name,
    logo: r.logo,
    zuoraAccountId: r.zuoraAccountId,
    salesforceAccountId: r.salesforceAccountId,
    invoiceOwner: r.invoiceOwner,
    status: r.status,
    userCount: r.userCount,
    organisationCount: organisations.get(r.id) ?? 0,
    created: formatDate(r.created),
  }));
  const total = page.total.capped ? `more than ${page.total.count.toLocaleString("en-GB")}` : page.total.count.toLocaleString("en-GB");
  return (
    <div>
      <PartnersTable rows={rows} sortLinks={sortLinks} />
      <Pager
        summary={`${rows.length} shown of ${total} partner organisation${page.total.count === 1 ? "" : "s"}`}
        prevHref={page.prevCursor ? withParams(PATH, state, { before: page.prevCursor }) : undefined}
        nextHref={page.nextCursor ? withParams(PATH, state, { after: page.nextCursor }) : undefined}
      />
    </div>
  );
}
