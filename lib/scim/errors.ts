import "server-only";
import { DomainError, isDatabaseUnavailable, pgError } from "@/lib/errors";
import { logError } from "@/lib/log";

export const SCIM_ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
export const SCIM_CONTENT_TYPE = "application/scim+json";

export type ScimType = "invalidFilter" | "tooMany" | "uniqueness" | "mutability" | "invalidSyntax" | "invalidPath" | "noTarget" | "invalidValue" | "invalidVers" | "sensitive";

/** A failure answered in RFC 7644 §3.12 form. `detail` is written for the directory's admin. */
export class ScimError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly scimType?: ScimType,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = "ScimError";
  }
}

export function scimJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": `${SCIM_CONTENT_TYPE}; charset=utf-8`, "Cache-Control": "no-store", ...headers },
  });
}

function errorBody(status: number, detail: string, scimType?: ScimType, headers: Record<string, string> = {}): Response {
  return scimJson({ schemas: [SCIM_ERROR], status: String(status), ...(scimType ? { scimType } : {}), detail }, status, headers);
}

/** Anything a SCIM handler threw, as a SCIM error: never a stack trace or SQL. */
export function scimErrorResponse(err: unknown): Response {
  if (err instanceof ScimError) return errorBody(err.status, err.detail, err.scimType, err.headers);
  if (err instanceof DomainError) {
    switch (err.code) {
      case "not_found":
        return errorBody(404, err.message);
      case "conflict":
        // Email and userName clashes are uniqueness; the last-Admin rule is a conflict with the current state.
        return errorBody(409, err.message, "email" in err.fieldErrors || "userName" in err.fieldErrors ? "uniqueness" : undefined);
      case "invalid":
        return errorBody(400, err.message, "invalidValue");
      case "forbidden":
        return errorBody(403, err.message);
      case "unauthorized":
        return errorBody(401, err.message);
      case "rate_limited":
        return errorBody(429, err.message);
    }
  }
  if (isDatabaseUnavailable(err)) return errorBody(503, "The service is temporarily unavailable. Try again in a moment.", undefined, { "Retry-After": "5" });
  const { code } = pgError(err);
  if (code?.startsWith("22")) return errorBody(400, "A value in the request cannot be stored.", "invalidValue");
  if (code === "40001" || code === "40P01") return errorBody(503, "The request clashed with another one. Try again.", undefined, { "Retry-After": "1" });
  logError("scim", "unexpected error", err);
  return errorBody(500, "Something went wrong on our side. Nothing was changed; try again.");
}
