import { apiRoute, ok, pathId, readPageQuery } from "@/lib/api/handler";
import { toApiUser } from "@/lib/api/mappers";
import { listPartnerUsers } from "@/lib/partners/users";

export const dynamic = "force-dynamic";

/** getPartnerUsersForOrganisation: keyset pages ordered by id. */
export const GET = apiRoute<{ partnerOrganisationId: string }>(async ({ request, db, actor, params }) => {
  const orgId = pathId(params.partnerOrganisationId, "Partner organisation");
  const page = await listPartnerUsers(db, actor, orgId, readPageQuery(request));
  return ok({ items: page.rows.map(toApiUser), ...(page.queryMore ? { queryMore: page.queryMore } : {}) });
});
