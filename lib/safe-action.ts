import "server-only";
import type { z } from "zod";
import { getDb, type Db } from "@/db";
import type { AdminActor, PartnerActor } from "@/lib/auth/session";
import { getAdmin, getPartner } from "@/lib/auth/session";
import type { ActionFailure, ActionResult } from "@/lib/action-result";
import { DomainError, isDatabaseUnavailable, type FieldErrors } from "@/lib/errors";
import { assertOrgApproved } from "@/lib/partners/orgs";
import { logError } from "@/lib/log";

export type { ActionFailure, ActionResult } from "@/lib/action-result";

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Turns what a domain function threw into a result a form can show; never a stack trace. */
export function failure(err: unknown): ActionFailure {
  if (err instanceof DomainError) return { ok: false, message: err.message, fieldErrors: err.fieldErrors };
  if (isDatabaseUnavailable(err)) return { ok: false, message: "The database is unavailable. Try again in a moment." };
  logError("action", "unexpected error", err);
  return { ok: false, message: "Something went wrong. Nothing was changed; try again." };
}

type Handler<S extends z.ZodType, A, T> = (input: z.output<S>, ctx: { db: Db; actor: A }) => Promise<T>;
type PublicHandler<S extends z.ZodType, T> = (input: z.output<S>, ctx: { db: Db }) => Promise<T>;

function action<A, S extends z.ZodType, T>(load: () => Promise<A | null>, schema: S, handler: Handler<S, A, T>) {
  return async (input: unknown): Promise<ActionResult<T>> => {
    try {
      const actor = await load();
      if (!actor) return { ok: false, message: "Your session has ended. Sign in again." };
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        return { ok: false, message: "Check the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error) };
      }
      return { ok: true, data: await handler(parsed.data, { db: await getDb(), actor }) };
    } catch (err) {
      return failure(err);
    }
  };
}

/**
 * Wraps a server action of the admin app: checks the session first, then validates the input
 * with the shared zod schema. Permissions are checked by the domain function it calls.
 */
export function adminAction<S extends z.ZodType, T>(schema: S, handler: Handler<S, AdminActor, T>) {
  return action(getAdmin, schema, handler);
}

/**
 * The same for the partner pages. Until its partner form is submitted, a pending organisation's
 * users change nothing: only an action declared `{ whilePending: true }` (the form itself) runs.
 */
export function partnerAction<S extends z.ZodType, T>(schema: S, handler: Handler<S, PartnerActor, T>, opts: { whilePending?: boolean } = {}) {
  return action(
    async () => {
      const partner = await getPartner();
      if (partner && !opts.whilePending) assertOrgApproved(partner.orgStatus);
      return partner;
    },
    schema,
    handler,
  );
}

/**
 * The same for the few actions anyone may call: "Forgot password?", and setting a password from
 * an invitation or reset link (the link is the credential, checked by the handler).
 */
export function publicAction<S extends z.ZodType, T>(schema: S, handler: PublicHandler<S, T>) {
  return action(async () => ({}), schema, (input, { db }) => handler(input, { db }));
}
