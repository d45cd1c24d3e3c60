import "server-only";
import { getDb, type Db } from "@/db";
import { ApiError } from "@/lib/api/errors";
import { hasNulCharacter, readBodyText } from "@/lib/api/body";
import { ScimError, scimErrorResponse } from "./errors";
import { authenticateScimToken, scimBaseUrl, type ScimActor } from "./tokens";

const ID = /^[A-Za-z0-9_-]{1,100}$/;
const challenge = (error?: string) => ({ "WWW-Authenticate": `Bearer realm="scim"${error ? `, error="${error}"` : ""}` });

/** The partner's SCIM token from `Authorization: Bearer …`; 401 for anything else. */
async function authenticate(db: Db, request: Request, orgId: string | undefined): Promise<ScimActor> {
  const header = request.headers.get("authorization");
  if (!header) throw new ScimError(401, "Authentication is required: send the SCIM token as Authorization: Bearer <token>.", undefined, challenge());
  const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(header);
  const actor = match && orgId && ID.test(orgId) ? await authenticateScimToken(db, orgId, match[1]!) : null;
  if (!actor) throw new ScimError(401, "The SCIM token is not valid for this base URL, or it has been revoked.", undefined, challenge("invalid_token"));
  return actor;
}

export interface ScimContext<P> {
  request: Request;
  db: Db;
  actor: ScimActor;
  orgId: string;
  /** The partner's SCIM base URL, for `meta.location`. */
  baseUrl: string;
  params: P;
}

/**
 * Every SCIM endpoint goes through this: the token decides the partner (it must be one of the
 * partner's in the path), then the handler runs; whatever it throws becomes a §3.12 error.
 */
export function scimRoute<P extends { partnerOrganisationId: string }>(handler: (ctx: ScimContext<P>) => Promise<Response>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const params = await context.params;
      const db = await getDb();
      const actor = await authenticate(db, request, params.partnerOrganisationId);
      return await handler({ request, db, actor, orgId: actor.partnerOrgId, baseUrl: scimBaseUrl(actor.partnerOrgId), params });
    } catch (err) {
      return scimErrorResponse(err);
    }
  };
}

/** The JSON object of a request body (application/scim+json or application/json). */
export async function readScimBody(request: Request): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readBodyText(request);
  } catch (err) {
    if (err instanceof ApiError) throw new ScimError(err.status, err.message, err.status === 400 ? "invalidSyntax" : undefined);
    throw err;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ScimError(400, "The request body is not valid JSON.", "invalidSyntax");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new ScimError(400, "The request body must be a JSON object.", "invalidSyntax");
  if (hasNulCharacter(value)) throw new ScimError(400, "Text in the request body must not contain NUL (\\u0000) characters.", "invalidValue");
  return value as Record<string, unknown>;
}
