import "server-only";
import type { z } from "zod";
import { DomainError, isDatabaseUnavailable, pgError, type FieldErrors } from "@/lib/errors";
import { logError } from "@/lib/log";

/** A failure the handler decided on itself, answered with the spec's body `{ message, errors? }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: FieldErrors,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

export function zodErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) (out[issue.path.join(".") || "body"] ??= []).push(issue.message);
  return out;
}

const DOMAIN_STATUS: Record<DomainError["code"], number> = {
  invalid: 400,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  unauthorized: 401,
  rate_limited: 429,
};

/**
 * Turns anything a handler threw into a response. Only messages written for callers (ApiError,
 * DomainError) reach the body; database errors and stacks are logged, never sent.
 */
export function errorResponse(err: unknown): Response {
  if (err instanceof ApiError) {
    return json({ message: err.message, ...(err.errors ? { errors: err.errors } : {}) }, err.status, err.headers);
  }
  if (err instanceof DomainError) {
    const hasFields = err.code === "invalid" && Object.keys(err.fieldErrors).length > 0;
    return json({ message: err.message, ...(hasFields ? { errors: err.fieldErrors } : {}) }, DOMAIN_STATUS[err.code]);
  }
  if (isDatabaseUnavailable(err)) {
    return json({ message: "The service is temporarily unavailable. Try again in a moment." }, 503, { "Retry-After": "5" });
  }
  const { code } = pgError(err);
  // Class 22 (data exception): a value the database refuses, so the caller's input.
  if (code?.startsWith("22")) return json({ message: "A value in the request cannot be stored." }, 400);
  if (code === "40001" || code === "40P01") {
    return json({ message: "The request clashed with another one. Try again." }, 503, { "Retry-After": "1" });
  }
  if (code?.startsWith("23")) return json({ message: "The request conflicts with the current data." }, 409);
  logError("api", "unexpected error", err);
  return json({ message: "Something went wrong on our side. Nothing was changed; try again." }, 500);
}
