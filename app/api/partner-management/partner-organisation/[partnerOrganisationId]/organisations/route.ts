import { apiRoute, ok, pathId, readJsonBody, readPageQuery } from "@/lib/api/handler";
import { toApiOrganisation } from "@/lib/api/organisations";
import { createOrganisation, listOrganisationsByKey } from "@/lib/organisations";
import { createOrganisationBodySchema } from "@/lib/validations/api-organisation";

export const dynamic = "force-dynamic";

type Params = { partnerOrganisationId: string };

/** getOrganisationsForPartner: the partner's customer organisations, keyset pages ordered by id. */
export const GET = apiRoute<Params>(async ({ request, db, actor, params }) => {
  const partnerOrgId = pathId(params.partnerOrganisationId, "Partner organisation");
  const page = await listOrganisationsByKey(db, actor, partnerOrgId, readPageQuery(request));
  return ok({ items: page.rows.map(toApiOrganisation), ...(page.queryMore ? { queryMore: page.queryMore } : {}) });
});

/** createOrganisationForPartner: a customer organisation owned by this partner. */
export const POST = apiRoute<Params>(async ({ request, db, actor, params }) => {
  const partnerOrgId = pathId(params.partnerOrganisationId, "Partner organisation");
  const body = await readJsonBody(request, createOrganisationBodySchema);
  return ok(toApiOrganisation(await createOrganisation(db, actor, { ...body, partnerOrgId })));
});
