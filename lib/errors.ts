/** Errors the domain layer raises on purpose. Their messages are safe to show to any caller. */
export type FieldErrors = Record<string, string[]>;

export class DomainError extends Error {
  constructor(
    readonly code: "invalid" | "not_found" | "conflict" | "forbidden" | "unauthorized" | "rate_limited",
    message: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const notFound = (what = "Not found") => new DomainError("not_found", what);
export const forbidden = (message = "You do not have permission to do that.") => new DomainError("forbidden", message);
export const conflict = (message: string, fieldErrors: FieldErrors = {}) => new DomainError("conflict", message, fieldErrors);
export const invalid = (message: string, fieldErrors: FieldErrors = {}) => new DomainError("invalid", message, fieldErrors);

/** PostgreSQL's SQLSTATE and constraint of an error, looking through Drizzle's wrapper. */
export function pgError(err: unknown): { code?: string; constraint?: string } {
  for (let e = err as Record<string, unknown> | undefined, depth = 0; e && depth < 5; e = e.cause as never, depth++) {
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) {
      return { code: e.code, constraint: (e.constraint_name ?? e.constraint) as string | undefined };
    }
  }
  return {};
}

/** True when the database could not be reached (connection refused, closed, timed out). */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err as Record<string, unknown> | undefined, depth = 0; e && depth < 5; e = e.cause as never, depth++) {
    const code = String(e.code ?? "");
    if (["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "CONNECT_TIMEOUT", "57P01", "57P02", "57P03", "08006", "08001", "08003"].includes(code)) return true;
    if (typeof e.message === "string" && /PGlite is closed|database is closed/i.test(e.message)) return true;
  }
  return false;
}
