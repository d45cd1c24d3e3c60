import { resourceTypes } from "@/lib/scim/discovery";
import { ScimError, scimJson } from "@/lib/scim/errors";
import { scimRoute } from "@/lib/scim/handler";

export const dynamic = "force-dynamic";

export const GET = scimRoute<{ partnerOrganisationId: string; id: string }>(async ({ baseUrl, params }) => {
  const found = resourceTypes(baseUrl).find((t) => t.id === params.id);
  if (!found) throw new ScimError(404, `Resource type ${params.id.slice(0, 100)} not found.`);
  return scimJson(found);
});
