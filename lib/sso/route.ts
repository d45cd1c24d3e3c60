import "server-only";
import { isDatabaseUnavailable } from "@/lib/errors";
import { logError } from "@/lib/log";
import { ssoRefusedResponse } from "./complete";

type Handler = (request: Request, partnerOrgId: string) => Promise<Response>;

/**
 * A route of a partner's single sign-on (/api/sso/<partnerOrgId>/…): whatever goes wrong, the
 * browser gets a page in words (the refused page), never a 500 with a stack trace.
 */
export function ssoRoute(handler: Handler) {
  return async (request: Request, { params }: { params: Promise<{ partnerOrgId: string }> }): Promise<Response> => {
    try {
      return await handler(request, (await params).partnerOrgId);
    } catch (err) {
      if (!isDatabaseUnavailable(err)) logError("sso", "route failed", err);
      return ssoRefusedResponse("provider_error");
    }
  };
}
