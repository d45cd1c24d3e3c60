/**
 * Logging of unexpected errors, without what must not reach a log: a database error's message from
 * Drizzle carries the SQL text and its parameters (personal data: emails, names, searches), so only
 * the error's kind, its PostgreSQL code and the driver's own first line are written.
 */
export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return typeof err === "string" ? oneLine(err) : "non-error thrown";
  const cause = (err as { cause?: unknown }).cause;
  const code = (err as { code?: unknown }).code ?? (cause as { code?: unknown } | undefined)?.code;
  // Drizzle wraps the driver's error: "Failed query: <sql>\nparams: <values>"; the cause is the driver's.
  const source = err.message.startsWith("Failed query") ? (cause instanceof Error ? cause : null) : err;
  const text = source ? oneLine(source.message) : "database query failed";
  return `${err.name}${typeof code === "string" ? ` ${code}` : ""}: ${text}`;
}

function oneLine(text: string): string {
  const first = text.split("\n")[0] ?? "";
  return first.length > 200 ? `${first.slice(0, 200)}…` : first;
}

/** `[area] what: ErrorName CODE: first line`. */
export function logError(area: string, what: string, err: unknown): void {
  console.error(`[${area}] ${what}: ${describeError(err)}`);
}
