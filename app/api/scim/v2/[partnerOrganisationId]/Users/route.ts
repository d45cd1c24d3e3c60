import { scimRoute } from "@/lib/scim/handler";
import { createUser, listUsers } from "@/lib/scim/users";

export const dynamic = "force-dynamic";

/** SCIM Users (RFC 7644 §3.3, §3.4.2) of the token's partner organisation. */
export const GET = scimRoute(listUsers);
export const POST = scimRoute(createUser);
