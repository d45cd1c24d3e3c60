import { scimRoute } from "@/lib/scim/handler";
import { deleteUser, getUser, patchUser, replaceUser } from "@/lib/scim/users";

export const dynamic = "force-dynamic";

/** One SCIM User of the token's partner organisation (RFC 7644 §3.4.1, §3.5, §3.6). */
export const GET = scimRoute<{ partnerOrganisationId: string; id: string }>(getUser);
export const PUT = scimRoute<{ partnerOrganisationId: string; id: string }>(replaceUser);
export const PATCH = scimRoute<{ partnerOrganisationId: string; id: string }>(patchUser);
export const DELETE = scimRoute<{ partnerOrganisationId: string; id: string }>(deleteUser);
