import { getDb } from "@/db";
import { getAdmin, getPartner } from "@/lib/auth/session";
import { clientAddress } from "@/lib/client-address";
import { ssoRoute } from "@/lib/sso/route";
import { startSso } from "@/lib/sso/flow";

export const dynamic = "force-dynamic";

/** A partner's single sign-on starts here (sign-in, or "Test connection" with test=1): see lib/sso/flow.ts. */
export const GET = ssoRoute(async (request, partnerOrgId) =>
  startSso(await getDb(), partnerOrgId, new URL(request.url).searchParams, async () => (await getAdmin()) ?? (await getPartner()), clientAddress(request.headers)),
);
