import type { FieldErrors } from "@/lib/errors";

/**
 * The one result shape of every server action: returned by the wrappers in lib/safe-action.ts
 * and read in the browser by components/forms/use-action.ts.
 */
export type ActionResult<T = undefined> = { ok: true; data: T } | ActionFailure;

/** `fieldErrors` are keyed by the input's field path ("_form" for the input as a whole). */
export type ActionFailure = { ok: false; message: string; fieldErrors?: FieldErrors };

/** A server action as the browser calls it. */
export type ServerAction<I, T> = (input: I) => Promise<ActionResult<T>>;
