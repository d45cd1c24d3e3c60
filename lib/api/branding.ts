import { z } from "zod";
import { config } from "@/lib/config";
import type { Brand } from "@/lib/branding/branding";

type Json = Record<string, unknown>;

/** GET /branding/{slug}: the public brand only, what the branded sign-in shows. */
export const publicBrandSchema = z
  .object({
    name: z.string().describe("Partner organisation name"),
    slug: z.string().describe("Partner slug: the partner sign-in is /partner?partner=<slug>"),
    logo: z.string().nullable().describe("Logo for light pages: the uploaded logo, else the Logo URL, else null"),
    darkLogo: z.string().nullable().describe("Uploaded logo for dark pages, or null (show `logo` then)"),
    supportInfo: z.string().nullable().describe("Support Information: a message, or one Markdown link `[text](https://…)`"),
  })
  .meta({ title: "PartnerBranding" });
export type PublicBrandBody = z.output<typeof publicBrandSchema>;

/** Uploaded logos are served by this app: their URLs are made absolute for other sites. */
const absolute = (url: string | null) => (url && url.startsWith("/") ? `${config.appUrl()}${url}` : url);

export function publicBrandBody(brand: Brand): PublicBrandBody {
  return { name: brand.name, slug: brand.slug, logo: absolute(brand.logo), darkLogo: absolute(brand.darkLogo), supportInfo: brand.supportInfo };
}

export const BRANDING_TAG = {
  name: "Branding",
  description: "A partner's white label (its name, logos and support information) for pages shown to its customers before they sign in. Public: no token.",
};

export function brandingPaths(p: { response: (description: string, schema: z.ZodType) => Json; errors: (...codes: 404[]) => Json }): Json {
  return {
    "/partner-management/branding/{slug}": {
      get: {
        operationId: "getPartnerBranding",
        summary: "Get Partner Branding",
        tags: [BRANDING_TAG.name],
        description:
          "The public brand of an approved partner: name, slug, logo URLs (light and dark) and support information. Needs no token; cacheable for 5 minutes (Cache-Control: public, max-age=300). An unknown slug is 404.",
        security: [],
        parameters: [{ name: "slug", in: "path", required: true, description: "Partner slug", schema: { type: "string" } }],
        responses: { "200": p.response("OK", publicBrandSchema), ...p.errors(404) },
      },
    },
  };
}
