import { apiRoute, ok, readJsonBody } from "@/lib/api/handler";
import { orgFieldsFromApi, toApiOrg } from "@/lib/api/mappers";
import { createPartnerOrg } from "@/lib/partners/orgs";
import { createOrgBodySchema } from "@/lib/validations/api";

/** createPartnerOrganisation */
export const POST = apiRoute(async ({ request, db, actor }) => {
  const body = await readJsonBody(request, createOrgBodySchema);
  return ok(toApiOrg(await createPartnerOrg(db, actor, orgFieldsFromApi(body))));
});
