import { invalid } from "@/lib/errors";

/** Opaque keyset cursors: the sort values of the last row seen, base64url-encoded JSON. */
export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values), "utf8").toString("base64url");
}

/** Decodes a cursor of `arity` string values; anything else is a clear 400-style error. */
export function decodeCursor(cursor: string, arity: number, message = "queryMore is not a valid cursor."): string[] {
  try {
    if (!/^[A-Za-z0-9_-]{1,1000}$/.test(cursor)) throw new Error();
    const values: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (!Array.isArray(values) || values.length !== arity || !values.every((v) => typeof v === "string" && v.length <= 500)) {
      throw new Error();
    }
    return values as string[];
  } catch {
    throw invalid(message, { queryMore: [message] });
  }
}

/** Escapes LIKE wildcards so a search for "50%" means the text "50%". */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
