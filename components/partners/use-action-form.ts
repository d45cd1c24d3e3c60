"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
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

/**
 * The state of a dialog that submits one form to a server action: on success it reports the data,
 * empties the form, closes and refreshes the page; on failure the form shows the errors.
 */
export function useActionDialog<V extends FieldValues, T>(
  form: UseFormReturn<V, any, any>,
  opts: { empty: V; submit: (values: any) => Promise<Result<T>>; onSuccess: (data: T) => void },
) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const onSubmit = form.handleSubmit(async (values) => {
    const data = applyResult(form, await opts.submit(values));
    if (data === undefined) return;
    opts.onSuccess(data);
    form.reset(opts.empty);
    setOpen(false);
    router.refresh();
  });
  return { open, setOpen, onSubmit };
}
