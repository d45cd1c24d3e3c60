import "server-only";
import { getDatabase } from "@/db";
import { assertCan } from "@/lib/auth/policy";
import { config } from "@/lib/config";
import { decodeCursor, encodeCursor } from "@/lib/pagination";
import type { ApiPartnerOrganisation } from "@/lib/validations/api";
import type { ApiClientActor } from "@/lib/api-clients/api-clients";
import { getActiveApiClient } from "@/lib/api-clients/api-clients";
import { errorResponse, json } from "./errors";
import { bearerClientId, readPageQuery, revokedClient } from "./handler";

/**
 * The REST API's hot path: listing partner organisations (getPartnerOrganisations).
 *
 * One prepared statement checks that the token's client still exists and is not revoked AND reads
 * the page, in a single round trip: no row back means the client is gone (401), one row with no
 * organisation means an empty page. Revocation stays immediate on every instance (the database is
 * asked on every request, nothing is cached in the process), and the list costs one round trip
 * instead of the client check plus the page query (each of which, unprepared, postgres.js sends as
 * a describe round trip and an execute round trip).
 *
 * Timestamps are formatted by the database exactly as Date#toISOString would (they are stored at
 * millisecond precision), so both drivers give the same strings and no Date is built per row.
 */

const ORG_COLUMNS = `c.name as client_name, o.id, o.name, o.logo, o.zuora_account_id, o.salesforce_account_id,
  o.invoice_owner = 'partner' as invoice_owner_partner,
  to_char(o.created at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as created,
  to_char(o.modified at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as modified,
  o.suspended_at is not null as suspended`;

/** $1 the client id, $2 the page size + 1 (one more row tells whether there is a next page). */
const FIRST_PAGE = `select ${ORG_COLUMNS}
  from api_client c
  left join lateral (select * from partner_org order by id limit $2) o on true
  where c.id = $1 and c.revoked_at is null
  order by o.id`;

/** $3 the cursor: the id of the last organisation of the previous page. */
const NEXT_PAGE = `select ${ORG_COLUMNS}
  from api_client c
  left join lateral (select * from partner_org where id > $3 order by id limit $2) o on true
  where c.id = $1 and c.revoked_at is null
  order by o.id`;

interface Row {
  client_name: string;
  id: string | null;
  name: string;
  logo: string | null;
  zuora_account_id: string;
  salesforce_account_id: string | null;
  invoice_owner_partner: boolean;
  created: string;
  modified: string;
  suspended: boolean;
}

/** The same record as toApiOrg (lib/api/mappers.ts), field for field and in the same order. */
function toApi(r: Row, service: string): ApiPartnerOrganisation {
  return {
    id: r.id!,
    name: r.name,
    data: {
      zuoraAccountId: r.zuora_account_id,
      isZuoraInvoiceOwner: r.invoice_owner_partner,
      ...(r.salesforce_account_id ? { salesforceAccountId: r.salesforce_account_id } : {}),
      ...(r.logo ? { logo: r.logo } : {}),
    },
    record_type: "partner_org",
    service,
    created: r.created,
    modified: r.modified,
    ...(r.suspended ? { status: "suspended" as const } : {}),
  };
}

/** GET /api/partner-management/partner-organisations: same answers as the generic apiRoute path. */
export async function listPartnerOrganisations(request: Request): Promise<Response> {
  try {
    const clientId = await bearerClientId(request);
    const database = await getDatabase();
    let page: { limit: number; after?: string };
    try {
      const query = readPageQuery(request);
      page = { limit: query.limit, after: query.queryMore ? decodeCursor(query.queryMore, 1)[0]! : undefined };
    } catch (err) {
      // A bad query string is a 400, but only for a caller that is authenticated: 401 comes first.
      if (!(await getActiveApiClient(database.db, clientId))) throw revokedClient();
      throw err;
    }
    const rows = page.after === undefined
      ? await database.query<Row>(FIRST_PAGE, [clientId, page.limit + 1])
      : await database.query<Row>(NEXT_PAGE, [clientId, page.limit + 1, page.after]);
    if (rows.length === 0) throw revokedClient();
    const actor: ApiClientActor = { kind: "api_client", id: clientId, label: `API client ${rows[0]!.client_name}` };
    assertCan(actor, "org:read");
    const service = config.serviceName();
    const more = rows.length > page.limit;
    const items: ApiPartnerOrganisation[] = [];
    const n = Math.min(rows.length, page.limit);
    for (let i = 0; i < n; i++) if (rows[i]!.id !== null) items.push(toApi(rows[i]!, service));
    return json({ items, ...(more ? { queryMore: encodeCursor([items.at(-1)!.id]) } : {}) }, 200);
  } catch (err) {
    return errorResponse(err);
  }
}
