import { createGroup, listGroups } from "@/lib/scim/groups";
import { scimRoute } from "@/lib/scim/handler";

export const dynamic = "force-dynamic";

/** SCIM Groups: the partner roles (see lib/scim/groups.ts). */
export const GET = scimRoute(listGroups);
export const POST = scimRoute(createGroup);
