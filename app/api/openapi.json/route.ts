import { buildOpenApiDocument } from "@/lib/api/openapi";

/** The API's own OpenAPI 3.1 document, generated from the handlers' zod schemas. Public, like any API reference. */
export function GET() {
  return Response.json(buildOpenApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
