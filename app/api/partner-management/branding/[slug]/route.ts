import { getDb } from "@/db";
import { errorResponse, json } from "@/lib/api/errors";
import { getPublicBrand } from "@/lib/branding/branding";
import { publicBrandBody } from "@/lib/api/branding";

export const dynamic = "force-dynamic";

/**
 * A partner's public brand, for a customer-facing page to show before anyone signs in: no token
 * needed, and nothing beyond what the branded sign-in shows. Unknown slugs are 404 alike.
 */
export async function GET(_request: Request, context: { params: Promise<{ slug: string }> }) {
  try {
    const brand = await getPublicBrand(await getDb(), (await context.params).slug);
    if (!brand) return json({ message: "Partner not found." }, 404);
    return json(publicBrandBody(brand), 200, { "Cache-Control": "public, max-age=300" });
  } catch (err) {
    return errorResponse(err);
  }
}
