import { getDb } from "@/db";
import { getLogoImage } from "@/lib/branding/branding";
import { LOGO_FILE } from "@/lib/branding/logo-image";
import { errorResponse, json } from "@/lib/api/errors";

export const dynamic = "force-dynamic";

/**
 * An uploaded partner logo, public like the pages that show it (the sign-in among them), and
 * embeddable by other sites (GET /branding/<slug> gives its URL), hence cross-origin. Named by the
 * hash of its bytes, so it can be cached for ever; nosniff and a sandboxing CSP in case a browser
 * is ever asked to open it as a document.
 */
export async function GET(_request: Request, context: { params: Promise<{ file: string }> }) {
  try {
    const m = LOGO_FILE.exec((await context.params).file);
    const image = m ? await getLogoImage(await getDb(), m[1]!) : null;
    if (!image) return json({ message: "Logo not found." }, 404);
    return new Response(Buffer.from(image.data), {
      headers: {
        "Content-Type": image.contentType,
        "Cache-Control": "public, max-age=31536000, immutable",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
        "Cross-Origin-Resource-Policy": "cross-origin",
      },
    });
  } catch (err) {
    return errorResponse(err);
  }
}
