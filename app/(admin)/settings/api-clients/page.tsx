import { ApiClientsTable } from "@/components/api-clients/api-clients-table";
import { CreateApiClientDialog } from "@/components/api-clients/create-api-client-dialog";
import { formatDate } from "@/lib/utils";
import { getDb } from "@/db";
import { listApiClients } from "@/lib/api-clients/api-clients";
import { can } from "@/lib/auth/policy";
import { requireAdminPage } from "@/lib/auth/session";

export const metadata = { title: "API clients" };

export default async function ApiClientsPage() {
  const admin = await requireAdminPage();
  const manage = can(admin, "api-client:manage");
  const clients = await listApiClients(await getDb(), admin);
  const rows = clients.map((c) => ({
    id: c.id,
    name: c.name,
    createdBy: c.createdBy,
    created: formatDate(c.created),
    lastUsed: c.lastUsedAt ? formatDate(c.lastUsedAt) : null,
    revoked: c.revokedAt ? formatDate(c.revokedAt) : null,
  }));
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">API clients</h1>
          <p className="max-w-2xl text-sm text-muted-foreground">
            Systems that use the Partner Management API get an access token with a client ID and secret (OAuth 2.0 client
            credentials). Revoking a client stops its tokens at once.
          </p>
        </div>
        {manage ? <CreateApiClientDialog /> : null}
      </div>
      <ApiClientsTable rows={rows} manage={manage} />
    </div>
  );
}
