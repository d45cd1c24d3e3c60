import "server-only";
import type { z } from "zod";
import { ApiError, zodErrors } from "./errors";

export const MAX_BODY_BYTES = 64 * 1024;

const tooLarge = (max: number) => new ApiError(413, `The request body is larger than ${max / 1024} KB.`);

/** Reads the raw body, refusing (413) anything over `max` bytes without buffering all of it. */
export async function readBodyText(request: Request, max = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > max) throw tooLarge(max);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      throw tooLarge(max);
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new ApiError(400, "The request body is not valid UTF-8.");
  }
}

/** A JSON object body, validated by `schema`: any failure is a 400 (or 413) with a clear message. */
export async function readJsonBody<S extends z.ZodType>(request: Request, schema: S, opts: { maxBytes?: number } = {}): Promise<z.output<S>> {
  const text = await readBodyText(request, opts.maxBytes);
  if (text.trim() === "") throw new ApiError(400, "The request body is empty; send a JSON object.");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError(400, "The request body is not valid JSON.");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ApiError(400, "The request body must be a JSON object.");
  }
  if (hasNulCharacter(value)) throw new ApiError(400, "Text in the request body must not contain NUL (\\u0000) characters.");
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const errors = zodErrors(parsed.error);
    const [field, messages] = Object.entries(errors)[0]!;
    throw new ApiError(400, `The request body is not valid: ${field}: ${messages[0]}`, errors);
  }
  return parsed.data;
}

// PostgreSQL text cannot hold NUL; refuse it here with a clear message rather than at the database.
export function hasNulCharacter(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (depth > 64 || typeof value !== "object" || value === null) return false;
  return Object.entries(value).some(([k, v]) => k.includes("\u0000") || hasNulCharacter(v, depth + 1));
}
