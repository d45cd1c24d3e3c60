import { listPartnerOrganisations } from "@/lib/api/hot-path";

export const dynamic = "force-dynamic";

/**
 * getPartnerOrganisations: keyset pages ordered by id; `queryMore` is absent on the last page.
 * The API's hot path: the client check and the page in one prepared statement (lib/api/hot-path.ts).
 */
export const GET = (request: Request) => listPartnerOrganisations(request);
