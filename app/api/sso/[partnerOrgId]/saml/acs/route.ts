import { getDb } from "@/db";
import { readBodyText } from "@/lib/api/body";
import { errorResponse } from "@/lib/api/errors";
import { acceptSamlResponse } from "@/lib/sso/saml-acs";

export const dynamic = "force-dynamic";

/** A form carrying 1 MB of SAML XML in base64, URL-encoded: never more than this. */
const MAX_ACS_BODY_BYTES = 2 * 1024 * 1024;

/**
 * A partner's SAML Assertion Consumer Service (HTTP-POST binding). Anyone may post here: the
 * answer is trusted only as lib/sso/saml-acs.ts verifies it.
 */
export async function POST(request: Request, context: { params: Promise<{ partnerOrgId: string }> }): Promise<Response> {
  try {
    const { partnerOrgId } = await context.params;
    if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded")) {
      return Response.json({ message: "Post the SAMLResponse as a form (application/x-www-form-urlencoded)." }, { status: 415, headers: { "Cache-Control": "no-store" } });
    }
    const form = Object.fromEntries(new URLSearchParams(await readBodyText(request, MAX_ACS_BODY_BYTES)));
    return await acceptSamlResponse(await getDb(), partnerOrgId, form);
  } catch (err) {
    return errorResponse(err);
  }
}
