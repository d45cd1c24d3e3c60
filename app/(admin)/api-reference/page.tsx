import { ApiReference, type Operation } from "@/components/api-reference/api-reference";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { requireAdminPage } from "@/lib/auth/session";

export const metadata = { title: "API reference" };

const EXAMPLES: Record<string, unknown> = {
  createPartnerOrganisation: { name: "Acme Resellers", zuoraAccountId: "A00001234", isZuoraInvoiceOwner: true },
  updatePartnerOrganisation: { logo: "https://example.com/logo.png" },
  createPartnerUserForOrganisation: { email: "jane@example.com" },
};

/** The OpenAPI document the app serves at /api/openapi.json, laid out with a form to try each operation. */
export default async function ApiReferencePage() {
  await requireAdminPage();
  const doc = buildOpenApiDocument() as { paths: Record<string, Record<string, any>>; components: { schemas: Record<string, unknown> } };
  const operations: Operation[] = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({
      id: op.operationId as string,
      method: method.toUpperCase(),
      path,
      summary: op.summary as string,
      description: op.description as string,
      tag: (op.tags as string[])[0]!,
      parameters: ((op.parameters ?? []) as { name: string; in: "path" | "query"; required?: boolean; description?: string }[]).map((p) => ({
        name: p.name,
        in: p.in,
        required: Boolean(p.required),
        description: p.description ?? "",
      })),
      requestSchema: op.requestBody ? Object.values(op.requestBody.content as Record<string, { schema: unknown }>)[0]!.schema : null,
      responses: Object.fromEntries(
        Object.entries(op.responses as Record<string, any>).map(([code, r]) => [code, r.$ref ? `See ${r.$ref.split("/").at(-1)}` : r.description]),
      ),
      responseSchema: op.responses["200"]?.content?.["application/json"]?.schema ?? null,
      example: EXAMPLES[op.operationId] ?? null,
    })),
  );
  return (
    <div className="max-w-4xl space-y-4 [overflow-wrap:anywhere]">
      <div>
        <h1 className="text-2xl font-semibold">API reference</h1>
        <p className="text-sm text-muted-foreground">
          The Partner Management REST API, under <code>/api</code>. The machine-readable document is at{" "}
          <a className="underline" href="/api/openapi.json">
            /api/openapi.json
          </a>
          . Create a client in Settings &gt; API clients, then try the operations here.
        </p>
      </div>
      <ApiReference operations={operations} schemas={doc.components.schemas} />
    </div>
  );
}
