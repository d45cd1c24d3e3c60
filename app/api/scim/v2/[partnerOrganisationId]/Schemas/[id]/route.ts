import { userSchema } from "@/lib/scim/discovery";
import { ScimError, scimJson } from "@/lib/scim/errors";
import { scimRoute } from "@/lib/scim/handler";
import { USER_SCHEMA } from "@/lib/scim/user-resource";

export const dynamic = "force-dynamic";

export const GET = scimRoute<{ partnerOrganisationId: string; id: string }>(async ({ baseUrl, params }) => {
  if (params.id !== USER_SCHEMA) throw new ScimError(404, `Schema ${params.id.slice(0, 200)} not found.`);
  return scimJson(userSchema(baseUrl));
});
