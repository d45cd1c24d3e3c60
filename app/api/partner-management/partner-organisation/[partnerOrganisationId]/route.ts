import { apiRoute, ok, pathId, readJsonBody } from "@/lib/api/handler";
import { orgPatchFromApi, toApiOrg, toApiUser } from "@/lib/api/mappers";
import { deletePartnerOrg, updatePartnerOrg } from "@/lib/partners/orgs";
import { createPartnerUser } from "@/lib/partners/users";
import { createUserBodySchema, updateOrgBodySchema } from "@/lib/validations/api";

type Params = { partnerOrganisationId: string };

/** createPartnerUserForOrganisation: the email is unique across all partners (409 otherwise). */
export const POST = apiRoute<Params>(async ({ request, db, actor, params }) => {
  const orgId = pathId(params.partnerOrganisationId, "Partner organisation");
  const body = await readJsonBody(request, createUserBodySchema);
  return ok(toApiUser(await createPartnerUser(db, actor, orgId, { email: body.email })));
});

/** updatePartnerOrganisation: partial; a field left out keeps its value. */
export const PUT = apiRoute<Params>(async ({ request, db, actor, params }) => {
  const orgId = pathId(params.partnerOrganisationId, "Partner organisation");
  const body = await readJsonBody(request, updateOrgBodySchema);
  return ok(toApiOrg(await updatePartnerOrg(db, actor, orgId, orgPatchFromApi(body))));
});

/** deletePartnerOrganisation: the organisation and all its users, in one transaction. */
export const DELETE = apiRoute<Params>(async ({ db, actor, params }) => {
  await deletePartnerOrg(db, actor, pathId(params.partnerOrganisationId, "Partner organisation"));
  return ok({ success: true });
});
