import "server-only";
import type { Db } from "@/db";
import type { PartnerSsoConnectionRow } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { recordActivity } from "@/lib/activity/record";
import { logError } from "@/lib/log";
import { hit } from "@/lib/rate-limit";
import { ssoStartQuerySchema } from "@/lib/validations/sso";
import { finishSsoSignIn, reportSsoTest, safeReturnTo, ssoRedirect, ssoRefusedResponse } from "./complete";
import { ssoConnectionOf } from "./connections";
import { oidcIdentity, oidcRequestSecrets, oidcSignInUrl, reason } from "./oidc";
import { samlSignInUrl } from "./saml";
import { createSsoRequest, recordSsoTestResult, takeSsoRequest, type SsoRequestRow } from "./requests";

/** Sign-ins one address may start in 10 minutes (generous: a whole office may share one address). */
const STARTS_PER_ADDRESS = 300;
const STARTS_WINDOW_S = 600;

/** Where a test goes back to: the settings page it was started from, else the start of the app. */
const backTo = (returnTo: string | null | undefined) => ssoRedirect(safeReturnTo(returnTo) ?? "/");

const forbiddenTest = () =>
  new Response("Only the partner's Admins and portal admins who manage single sign-on may test it.", {
    status: 403,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });

/**
 * GET /api/sso/<partnerOrgId>/start: a sign-in (anyone; the connection must be on) or, with
 * `test=1`, "Test connection" (a caller who may manage that partner's single sign-on; allowed while
 * the connection is off). Records the pending request, then sends the browser to the provider.
 * `actor` is the caller's session, read only for a test.
 */
export async function startSso(db: Db, partnerOrgId: string, query: URLSearchParams, actor: () => Promise<Actor | null>, address = "unknown"): Promise<Response> {
  const parsed = ssoStartQuerySchema.safeParse(Object.fromEntries(query));
  const test = query.get("test") === "1";
  const returnTo = parsed.success ? safeReturnTo(parsed.data.return_to) : null;
  const caller = test ? await actor() : null;
  // As with every change from the partner pages, a pending organisation's Admins test nothing until its form is in.
  const pending = caller && "orgStatus" in caller && caller.orgStatus !== "approved";
  if (test && (!caller || pending || !can(caller, "sso:manage", partnerOrgId))) return forbiddenTest();
  const connection = partnerOrgId.length <= 100 ? await ssoConnectionOf(db, partnerOrgId) : null;
  if (!connection) return test ? backTo(returnTo) : ssoRefusedResponse("not_enabled");
  if (!test && !connection.enabled) return ssoRefusedResponse("not_enabled");
  // Each start stores a pending request: an address may not fill the table.
  if (!test && !(await hit(db, `sso-start-addr:${address}`, STARTS_PER_ADDRESS, STARTS_WINDOW_S))) return ssoRefusedResponse("rate_limited");
  const loginHint = parsed.success && parsed.data.login_hint ? parsed.data.login_hint : undefined;
  try {
    const secrets = connection.protocol === "oidc" ? oidcRequestSecrets() : {};
    const request = await createSsoRequest(db, {
      partnerOrgId,
      protocol: connection.protocol,
      purpose: test ? "test" : "sign_in",
      ...secrets,
      initiatedBy: caller && "id" in caller ? `${caller.kind}:${caller.id}` : undefined,
      returnTo,
    });
    const location = await signInUrl(db, connection, request, loginHint);
    return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
  } catch (err) {
    logError("sso", `start (${connection.protocol}) failed`, err);
    if (!test) return ssoRefusedResponse("provider_error");
    await recordSsoTestResult(db, partnerOrgId, { ok: false, protocol: connection.protocol, error: `The sign-in could not start: ${reason(err)}.` });
    return backTo(returnTo);
  }
}

/** The provider's URL carrying the request, by the connection's protocol. */
function signInUrl(db: Db, connection: PartnerSsoConnectionRow, request: SsoRequestRow, loginHint?: string): Promise<string> {
  return connection.protocol === "oidc" ? oidcSignInUrl(connection, request, loginHint) : samlSignInUrl(db, connection, request, loginHint);
}

/**
 * GET /api/sso/<partnerOrgId>/oidc/callback: the provider's answer. Its state must name a pending
 * OpenID Connect request of this partner (once, before it expires). A test reports who came back
 * (nobody is signed in); a sign-in goes through the one rule (lib/sso/complete.ts).
 */
export async function oidcCallback(db: Db, partnerOrgId: string, query: URLSearchParams): Promise<Response> {
  const request = await takeSsoRequest(db, query.get("state") ?? "", partnerOrgId, "oidc");
  if (!request) return ssoRefusedResponse("request_expired");
  const fail = async (error: string) => {
    if (request.purpose !== "test") {
      // As the SAML ACS does: a refused answer is in the audit trail, with why in words.
      await recordActivity(db, { kind: "anonymous", label: "sso:oidc" }, {
        action: "partner_user.sign_in_failed",
        targetKind: "partner_user",
        partnerOrgId,
        change: { method: "sso:oidc", reason: "provider_error", detail: error },
        success: false,
      });
      return ssoRefusedResponse("provider_error");
    }
    await recordSsoTestResult(db, partnerOrgId, { ok: false, protocol: "oidc", error });
    return backTo(request.returnTo);
  };
  const connection = await ssoConnectionOf(db, partnerOrgId);
  if (!connection || connection.protocol !== "oidc") return fail("The connection is no longer OpenID Connect.");
  let answer: Awaited<ReturnType<typeof oidcIdentity>>;
  try {
    answer = await oidcIdentity(connection, request, query);
  } catch (err) {
    logError("sso", "OpenID Connect answer refused", err);
    return fail(`The provider's answer was refused: ${reason(err)}.`);
  }
  if (request.purpose === "test") {
    await reportSsoTest(db, answer.identity, answer.claims);
    return backTo(request.returnTo);
  }
  return finishSsoSignIn(db, answer.identity, request.returnTo);
}
