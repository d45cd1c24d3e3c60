"use client";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { toast } from "sonner";
import type { FieldErrors } from "@/lib/errors";

type Result<T> = { ok: true; data: T } | { ok: false; message: string; fieldErrors?: FieldErrors };

/**
 * Applies a server action's result to a react-hook-form form: field errors go beside their
 * fields, anything else to a toast. Returns the data on success.
 */
export function applyResult<V extends FieldValues, T>(form: UseFormReturn<V, any, any>, result: Result<T>): T | undefined {
  if (result.ok) return result.data;
  let placed = false;
  for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
    if (field in form.getValues()) {
      form.setError(field as Path<V>, { type: "server", message: messages[0] });
      placed = true;
    }
  }
  if (!placed) toast.error(result.message);
  return undefined;
}
