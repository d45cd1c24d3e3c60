import { getDb } from "@/db";
import { oidcCallback } from "@/lib/sso/flow";
import { ssoRoute } from "@/lib/sso/route";

export const dynamic = "force-dynamic";

/** The OpenID Connect redirect URI of a partner's connection: see lib/sso/flow.ts. */
export const GET = ssoRoute(async (request, partnerOrgId) => oidcCallback(await getDb(), partnerOrgId, new URL(request.url).searchParams));
