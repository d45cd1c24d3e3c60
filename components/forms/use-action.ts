"use client";
import { useRef, useState, useTransition } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { toast } from "sonner";
import type { ActionFailure, ServerAction } from "@/lib/action-result";

const UNREACHABLE = "The server could not be reached. Check your connection and try again.";

export interface ActionOptions<T> {
  /** A react-hook-form form: field errors of the result go beside its fields. */
  form?: UseFormReturn<any, any, any>;
  /** A toast once the action succeeded. */
  success?: string | ((data: T) => string);
  onSuccess?: (data: T) => void;
  /** Where a failure's message goes when no field shows it; a toast unless given. */
  onError?: (message: string) => void;
}

/**
 * Calls a server action from the browser: the one way every form, dialog and button of the app
 * does it. Field errors go beside their fields, any other failure to `onError` (a toast by
 * default), success to a toast and `onSuccess`. `run` resolves to the data, or undefined.
 *
 * No `router.refresh()`: the action revalidates what it changed, and its response already carries
 * the page rendered again, so one change costs one render of the page.
 */
export function useAction<I, T>(action: ServerAction<I, T>, options: ActionOptions<T> = {}) {
  const [pending, startTransition] = useTransition();
  const latest = useRef(options);
  latest.current = options;

  const run = (input: I) =>
    new Promise<T | undefined>((resolve) => {
      startTransition(async () => {
        const opts = latest.current;
        const result = await action(input).catch((): ActionFailure => ({ ok: false, message: UNREACHABLE }));
        if (!result.ok) {
          const unplaced = placeFieldErrors(opts.form, result);
          if (unplaced !== null) (opts.onError ?? toast.error)(unplaced);
          resolve(undefined);
          return;
        }
        const message = typeof opts.success === "function" ? opts.success(result.data) : opts.success;
        if (message) toast.success(message);
        opts.onSuccess?.(result.data);
        resolve(result.data);
      });
    });

  return { run, pending };
}

/**
 * Sets the failure's field errors on the form's fields; returns what is left to report (the first
 * error no field shows, else the failure's message), or null when every error is beside its field.
 */
function placeFieldErrors(form: UseFormReturn<FieldValues, any, any> | undefined, failure: ActionFailure): string | null {
  const entries = Object.entries(failure.fieldErrors ?? {}).filter(([, messages]) => messages.length > 0);
  const fields = form ? form.getValues() : {};
  const unplaced: string[] = [];
  for (const [field, messages] of entries) {
    if (form && field in fields) form.setError(field as Path<FieldValues>, { type: "server", message: messages[0] });
    else unplaced.push(messages[0]!);
  }
  if (entries.length > 0 && unplaced.length === 0) return null;
  return unplaced[0] ?? failure.message;
}

/**
 * A dialog holding one form that submits to a server action: on success it reports, empties the
 * form and closes; on failure the form shows the errors and stays open.
 */
export function useActionDialog<V extends FieldValues, I, T>(
  form: UseFormReturn<V, any, any>,
  opts: { empty: V; action: ServerAction<I, T>; input?: (values: V) => I } & Omit<ActionOptions<T>, "form">,
) {
  const [open, setOpen] = useState(false);
  const { run } = useAction(opts.action, {
    ...opts,
    form,
    onSuccess: (data) => {
      opts.onSuccess?.(data);
      form.reset(opts.empty);
      setOpen(false);
    },
  });
  const onSubmit = form.handleSubmit(async (values) => {
    await run(opts.input ? opts.input(values) : (values as unknown as I));
  });
  return { open, setOpen, onSubmit };
}
