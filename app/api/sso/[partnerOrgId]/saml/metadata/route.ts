import { getDb } from "@/db";
import { errorResponse } from "@/lib/api/errors";
import { samlSpMetadataResponse } from "@/lib/sso/saml-acs";

export const dynamic = "force-dynamic";

/** A partner's SP metadata for its IdP (public: it holds no secret). `?download=1` saves it as a file. */
export async function GET(request: Request, context: { params: Promise<{ partnerOrgId: string }> }): Promise<Response> {
  try {
    const { partnerOrgId } = await context.params;
    return await samlSpMetadataResponse(await getDb(), partnerOrgId, new URL(request.url).searchParams.get("download") === "1");
  } catch (err) {
    return errorResponse(err);
  }
}
