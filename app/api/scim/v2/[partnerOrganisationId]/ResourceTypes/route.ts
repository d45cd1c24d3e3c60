import { listOf, resourceTypes } from "@/lib/scim/discovery";
import { scimJson } from "@/lib/scim/errors";
import { scimRoute } from "@/lib/scim/handler";

export const dynamic = "force-dynamic";

export const GET = scimRoute(async ({ baseUrl }) => scimJson(listOf(resourceTypes(baseUrl))));
