import { apiRoute, ok, pathId } from "@/lib/api/handler";
import { deletePartnerUser } from "@/lib/partners/users";

/** deletePartnerUser: a user of another organisation is 404. */
export const DELETE = apiRoute<{ partnerOrganisationId: string; partnerUserId: string }>(async ({ db, actor, params }) => {
  const orgId = pathId(params.partnerOrganisationId, "Partner organisation");
  await deletePartnerUser(db, actor, orgId, pathId(params.partnerUserId, "Partner user"));
  return ok({ success: true });
});
