import { apiRoute, ok, pathId, readJsonBody } from "@/lib/api/handler";
import { toApiUser } from "@/lib/api/mappers";
import { movePartnerUser } from "@/lib/partners/move-user";
import { deletePartnerUser } from "@/lib/partners/users";
import { movePartnerUserBodySchema } from "@/lib/validations/api-organisation";

type Params = { partnerOrganisationId: string; partnerUserId: string };

/** deletePartnerUser: a user of another organisation is 404. */
export const DELETE = apiRoute<Params>(async ({ db, actor, params }) => {
  const orgId = pathId(params.partnerOrganisationId, "Partner organisation");
  await deletePartnerUser(db, actor, orgId, pathId(params.partnerUserId, "Partner user"));
  return ok({ success: true });
});

/** movePartnerUser: to another partner organisation, keeping the user's sign-in; their sessions end. */
export const PUT = apiRoute<Params>(async ({ request, db, actor, params }) => {
  const orgId = pathId(params.partnerOrganisationId, "Partner organisation");
  const userId = pathId(params.partnerUserId, "Partner user");
  const body = await readJsonBody(request, movePartnerUserBodySchema);
  return ok(toApiUser(await movePartnerUser(db, actor, orgId, userId, { toOrgId: body.partnerOrganisationId, role: body.role })));
});
