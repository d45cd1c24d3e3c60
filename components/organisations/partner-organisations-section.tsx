import Link from "next/link";
import { getDb } from "@/db";
import { can } from "@/lib/auth/policy";
import type { AdminActor } from "@/lib/auth/session";
import { listOrganisationsTable } from "@/lib/organisations";
import { organisationsTableSearchSchema } from "@/lib/validations/organisation";
import { formatDate } from "@/lib/utils";
import { OrganisationsTable } from "./organisations-table";

const FIRST_PAGE = 10;

/** A partner's customer organisations on its admin page: the first few, and a link to all of them. */
export async function PartnerOrganisationsSection({ admin, partnerOrgId }: { admin: AdminActor; partnerOrgId: string }) {
  if (!can(admin, "organisation:read", partnerOrgId)) return null;
  const page = await listOrganisationsTable(await getDb(), admin, { ...organisationsTableSearchSchema.parse({}), size: FIRST_PAGE, partner: partnerOrgId });
  const total = page.total.capped ? `more than ${page.total.count.toLocaleString("en-GB")}` : page.total.count.toLocaleString("en-GB");
  const rows = page.rows.map((r) => ({ ...r, created: formatDate(r.created) }));
  return (
    <section aria-labelledby="partner-organisations-heading" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h2 id="partner-organisations-heading" className="text-lg font-semibold">
          Customer organisations
        </h2>
        <Link href={`/organisations?partner=${partnerOrgId}`} className="text-sm underline underline-offset-4">
          All {total} organisations of this partner
        </Link>
      </div>
      <OrganisationsTable rows={rows} empty="This partner has no customer organisations yet." />
    </section>
  );
}
