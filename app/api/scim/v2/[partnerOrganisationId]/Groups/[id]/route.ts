import { getGroup, patchGroup, replaceGroup } from "@/lib/scim/groups";
import { scimRoute } from "@/lib/scim/handler";

export const dynamic = "force-dynamic";

/** One partner role as a SCIM Group: read it, or change its members. It cannot be deleted. */
export const GET = scimRoute<{ partnerOrganisationId: string; id: string }>(getGroup);
export const PUT = scimRoute<{ partnerOrganisationId: string; id: string }>(replaceGroup);
export const PATCH = scimRoute<{ partnerOrganisationId: string; id: string }>(patchGroup);
