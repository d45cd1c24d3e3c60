import "server-only";
import { getDatabase, getDb, type Db } from "@/db";
import type { ApiClientActor } from "@/lib/api-clients/api-clients";
import { DEFAULT_LIMIT, pageQuerySchema } from "@/lib/validations/api";
import { ApiError, errorResponse, json, zodErrors } from "./errors";
import { verifyAccessToken } from "./access-tokens";

export { json } from "./errors";
export { readJsonBody } from "./body";

const REALM = 'Bearer realm="partner-management"';

function unauthorized(message: string, tokenGiven: boolean): ApiError {
  const challenge = tokenGiven ? `${REALM}, error="invalid_token", error_description="${message.replace(/"/g, "'")}"` : REALM;
  return new ApiError(401, message, undefined, { "WWW-Authenticate": challenge });
}

/**
 * The client id of a request's valid access token (RFC 6750 bearer), else a 401. Whether that client
 * is still active is the caller's to check, in the database, on every request.
 */
export async function bearerClientId(request: Request): Promise<string> {
  const header = request.headers.get("authorization");
  if (!header) throw unauthorized("Authentication is required: send an access token as Authorization: Bearer <token>.", false);
  const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(header);
  if (!match) throw unauthorized("The Authorization header must be Bearer followed by an access token.", true);
  const clientId = await verifyAccessToken(match[1]!);
  if (!clientId) throw unauthorized("The access token is invalid or has expired.", true);
  return clientId;
}

/** The 401 of a valid token whose client no longer exists or has been revoked. */
export const revokedClient = () => unauthorized("The API client of this access token has been revoked.", true);

/**
 * The caller of an API request: a valid access token (RFC 6750 bearer) whose client is still
 * active in the database, so revoking a client stops its tokens at once.
 */
export async function authenticate(request: Request): Promise<ApiClientActor> {
  const clientId = await bearerClientId(request);
  // The same check as getActiveApiClient, as a prepared statement: one round trip a request.
  const [row] = await (await getDatabase()).query<{ name: string }>(ACTIVE_CLIENT, [clientId]);
  if (!row) throw revokedClient();
  return { kind: "api_client", id: clientId, label: `API client ${row.name}` };
}

const ACTIVE_CLIENT = "select name from api_client where id = $1 and revoked_at is null";

export interface ApiContext<P> {
  request: Request;
  db: Db;
  actor: ApiClientActor;
  params: P;
}

/**
 * Every REST handler goes through this: it authenticates first, then runs the handler, and maps
 * whatever is thrown to the spec's `{ message }` bodies (never a stack trace or SQL).
 */
export function apiRoute<P extends Record<string, string> = Record<string, never>>(
  handler: (ctx: ApiContext<P>) => Promise<Response>,
) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const actor = await authenticate(request);
      const db = await getDb();
      const params = (await context?.params) ?? ({} as P);
      return await handler({ request, db, actor, params });
    } catch (err) {
      return errorResponse(err);
    }
  };
}

/** `limit` (default 50, at most 500) and the opaque `queryMore` cursor of a list request. */
export function readPageQuery(request: Request): { limit: number; queryMore?: string } {
  // No query string (the usual first page): the defaults, without parsing.
  if (!request.url.includes("?")) return { limit: DEFAULT_LIMIT };
  const search = new URL(request.url).searchParams;
  const raw = {
    limit: search.get("limit") ?? undefined,
    queryMore: search.get("queryMore") ?? undefined,
  };
  const parsed = pageQuerySchema.safeParse(raw);
  if (!parsed.success) {
    const errors = zodErrors(parsed.error);
    throw new ApiError(400, Object.values(errors)[0]![0]!, errors);
  }
  return parsed.data;
}

const ID = /^[A-Za-z0-9_-]{1,100}$/;

/** An id from the path; one that cannot exist is "not found" without asking the database. */
export function pathId(value: string | undefined, what: "Partner organisation" | "Partner user"): string {
  if (!value || !ID.test(value)) throw new ApiError(404, `${what} not found.`);
  return value;
}

export const ok = (body: unknown) => json(body, 200);
