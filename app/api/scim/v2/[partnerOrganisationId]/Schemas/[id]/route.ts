import { groupSchema, userSchema } from "@/lib/scim/discovery";
import { ScimError, scimJson } from "@/lib/scim/errors";
import { scimRoute } from "@/lib/scim/handler";

export const dynamic = "force-dynamic";

export const GET = scimRoute<{ partnerOrganisationId: string; id: string }>(async ({ baseUrl, params }) => {
  const found = [userSchema(baseUrl), groupSchema(baseUrl)].find((s) => s.id === params.id);
  if (!found) throw new ScimError(404, `Schema ${params.id.slice(0, 200)} not found.`);
  return scimJson(found);
});
