import { apiRoute, ok, readPageQuery } from "@/lib/api/handler";
import { toApiOrg } from "@/lib/api/mappers";
import { listPartnerOrgsByKey } from "@/lib/partners/orgs";

export const dynamic = "force-dynamic";

/** getPartnerOrganisations: keyset pages ordered by id; `queryMore` is absent on the last page. */
export const GET = apiRoute(async ({ request, db, actor }) => {
  const page = await listPartnerOrgsByKey(db, actor, readPageQuery(request));
  return ok({ items: page.rows.map(toApiOrg), ...(page.queryMore ? { queryMore: page.queryMore } : {}) });
});
