import { EndpointsTable } from "@/components/webhooks/endpoints-table";
import { AddEndpointDialog } from "@/components/webhooks/add-endpoint-dialog";
import { eventTypesLabel } from "@/components/webhooks/labels";
import { getDb } from "@/db";
import { can } from "@/lib/auth/policy";
import { requireAdminPage } from "@/lib/auth/session";
import { formatDate } from "@/lib/utils";
import { listWebhookEndpoints } from "@/lib/webhooks/endpoints";

export const metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const admin = await requireAdminPage();
  const manage = can(admin, "webhook:manage");
  const endpoints = await listWebhookEndpoints(await getDb(), admin);
  const rows = endpoints.map((e) => ({
    id: e.id,
    url: e.url,
    types: eventTypesLabel(e.eventTypes),
    disabled: e.disabledAt ? (e.disabledReason ?? "Disabled.") : null,
    failingSince: e.failingSince && !e.disabledAt ? formatDate(e.failingSince) : null,
    created: formatDate(e.created),
  }));
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Webhooks</h1>
          <p className="max-w-2xl text-sm text-muted-foreground">
            Your billing, CRM and other systems hear at once when partners, partner users, API clients and admins change. Each
            delivery is signed (Standard Webhooks), retried for about a day while the endpoint fails, and sent in order for each
            resource. The same events can be read with <code>GET /api/partner-management/events</code>.
          </p>
        </div>
        {manage ? <AddEndpointDialog /> : null}
      </div>
      <EndpointsTable rows={rows} />
    </div>
  );
}
