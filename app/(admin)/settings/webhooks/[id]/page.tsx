import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Pager } from "@/components/data-table/pager";
import { Badge } from "@/components/ui/badge";
import { DeliveryLogTable } from "@/components/webhooks/delivery-log-table";
import { EndpointControls } from "@/components/webhooks/endpoint-controls";
import { getDb } from "@/db";
import { can } from "@/lib/auth/policy";
import { requireAdminPage } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors";
import { webhookLogSearchSchema } from "@/lib/validations/webhook";
import { formatDate } from "@/lib/utils";
import { countWaitingDeliveries, getWebhookEndpoint, listWebhookAttempts } from "@/lib/webhooks/endpoints";

export const metadata = { title: "Webhook endpoint" };

export default async function WebhookEndpointPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const admin = await requireAdminPage();
  const { id } = await params;
  const { after } = webhookLogSearchSchema.parse(await searchParams);
  const db = await getDb();
  const endpoint = await getWebhookEndpoint(db, admin, id).catch((err) => {
    if (err instanceof DomainError && err.code === "not_found") notFound();
    throw err;
  });
  const [log, waiting] = await Promise.all([listWebhookAttempts(db, admin, id, { after, size: 50 }), countWaitingDeliveries(db, id)]);
  const seen = new Set<number>();
  const rows = log.rows.map((a) => {
    const newest = !seen.has(a.deliveryId);
    seen.add(a.deliveryId);
    return {
      id: a.id,
      deliveryId: a.deliveryId,
      at: formatDate(a.at),
      eventType: a.eventType,
      eventId: a.eventId,
      attempt: a.attempt,
      succeeded: a.succeeded,
      status: a.statusCode ? `HTTP ${a.statusCode}` : (a.error ?? ""),
      durationMs: a.durationMs,
      response: a.responseExcerpt ?? a.error ?? "",
      resendable: newest && (a.deliveryStatus === "succeeded" || a.deliveryStatus === "failed"),
    };
  });
  const manage = can(admin, "webhook:manage");
  return (
    <div className="max-w-6xl space-y-6">
      <Link href="/settings/webhooks" className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:underline">
        <ArrowLeft className="size-4" aria-hidden /> All webhook endpoints
      </Link>
      <header className="space-y-2">
        <h1 className="break-all text-2xl font-semibold">{endpoint.url}</h1>
        {endpoint.disabledAt ? <Badge variant="secondary">Disabled</Badge> : <Badge variant="success">Enabled</Badge>}
      </header>
      {endpoint.disabledAt ? (
        <p role="status" className="rounded-md border border-warning-border bg-warning p-3 text-sm text-warning-foreground">
          Disabled {formatDate(endpoint.disabledAt)}. {endpoint.disabledReason}
        </p>
      ) : endpoint.failingSince ? (
        <p role="status" className="rounded-md border border-warning-border bg-warning p-3 text-sm text-warning-foreground">
          Every delivery has failed since {formatDate(endpoint.failingSince)}. Deliveries are retried for about a day; an endpoint that
          fails for 3 days is disabled.
        </p>
      ) : null}
      <dl className="grid gap-x-6 gap-y-3 rounded-md border p-4 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium text-muted-foreground">Endpoint URL</dt>
        <dd className="break-all font-mono">{endpoint.url}</dd>
        <dt className="font-medium text-muted-foreground">Event types</dt>
        <dd>{endpoint.eventTypes === null ? "All event types" : <span className="font-mono text-xs">{endpoint.eventTypes.join(", ")}</span>}</dd>
        <dt className="font-medium text-muted-foreground">Waiting deliveries</dt>
        <dd>{waiting > 1000 ? "more than 1000" : waiting}</dd>
        <dt className="font-medium text-muted-foreground">Created</dt>
        <dd>
          {formatDate(endpoint.created)}
          {endpoint.createdBy ? ` by ${endpoint.createdBy}` : ""}
        </dd>
      </dl>
      {manage ? <EndpointControls id={endpoint.id} url={endpoint.url} enabled={!endpoint.disabledAt} /> : null}
      <section aria-labelledby="delivery-log-heading" className="space-y-2">
        <h2 id="delivery-log-heading" className="text-lg font-semibold">
          Delivery log
        </h2>
        <DeliveryLogTable endpointId={endpoint.id} rows={rows} manage={manage} />
        <Pager
          summary={`${rows.length} attempt${rows.length === 1 ? "" : "s"} shown`}
          prevHref={after ? `/settings/webhooks/${endpoint.id}` : undefined}
          nextHref={log.nextAfter ? `/settings/webhooks/${endpoint.id}?after=${log.nextAfter}` : undefined}
        />
      </section>
    </div>
  );
}
