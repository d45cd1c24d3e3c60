import "server-only";
import type { z } from "zod";
import { ApiError, zodErrors } from "./errors";

/** The query string read with a zod schema; anything malformed is a 400 with the field's message. */
export function readQuery<S extends z.ZodType>(request: Request, schema: S, keys: string[]): z.output<S> {
  const search = new URL(request.url).searchParams;
  const raw = Object.fromEntries(keys.flatMap((k) => (search.has(k) ? [[k, search.get(k)!]] : [])));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const errors = zodErrors(parsed.error);
    throw new ApiError(400, Object.values(errors)[0]![0]!, errors);
  }
  return parsed.data;
}
