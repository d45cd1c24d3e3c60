import { getDb } from "@/db";
import { readBodyText } from "@/lib/api/body";
import { ApiError, errorResponse } from "@/lib/api/errors";
import { ssoRoute } from "@/lib/sso/route";
import { acceptSamlResponse } from "@/lib/sso/saml-acs";

export const dynamic = "force-dynamic";

/** A form carrying 1 MB of SAML XML in base64, URL-encoded: never more than this. */
const MAX_ACS_BODY_BYTES = 2 * 1024 * 1024;

/**
 * A partner's SAML Assertion Consumer Service (HTTP-POST binding). Anyone may post here: the
 * answer is trusted only as lib/sso/saml-acs.ts verifies it.
 */
export const POST = ssoRoute(async (request, partnerOrgId) => {
  if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded")) {
    return errorResponse(new ApiError(415, "Post the SAMLResponse as a form (application/x-www-form-urlencoded)."));
  }
  let body: string;
  try {
    body = await readBodyText(request, MAX_ACS_BODY_BYTES);
  } catch (err) {
    if (err instanceof ApiError) return errorResponse(err);
    throw err;
  }
  return acceptSamlResponse(await getDb(), partnerOrgId, Object.fromEntries(new URLSearchParams(body)));
});
