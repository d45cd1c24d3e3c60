import { tokenEndpoint } from "@/lib/api/oauth";

/** OAuth 2.0 token endpoint, client credentials grant only. */
export const POST = (request: Request) => tokenEndpoint(request);
