import "server-only";
import { and, desc, eq, lt, sql } from "drizzle-orm";
import type { Db, Queryable } from "@/db";
import { event, webhookAttempt, webhookDelivery, webhookEndpoint, type WebhookEndpointRow } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { config } from "@/lib/config";
import { invalid, notFound } from "@/lib/errors";
import type { EventType } from "@/lib/events/types";
import { newId } from "@/lib/ids";
import { isPrivateHost } from "@/lib/net/private-address";
import { generateSigningSecret, sealSecret } from "./signing";

/** How long a rotated-out secret keeps signing beside the new one. */
const ROTATION_OVERLAP_MS = 24 * 3600_000;

export interface WebhookEndpointView {
  id: string;
  url: string;
  eventTypes: EventType[] | null;
  disabledAt: Date | null;
  disabledReason: string | null;
  failingSince: Date | null;
  createdBy: string | null;
  created: Date;
}

const view = (r: WebhookEndpointRow): WebhookEndpointView => ({
  id: r.id,
  url: r.url,
  eventTypes: (r.eventTypes as EventType[] | null) ?? null,
  disabledAt: r.disabledAt,
  disabledReason: r.disabledReason,
  failingSince: r.failingSince,
  createdBy: r.createdBy,
  created: r.created,
});

/** https only, and no address that is plainly private; the resolved address is checked again at each delivery. */
function assertDeliverable(url: string): void {
  if (config.webhookAllowPrivateAddresses()) return;
  const u = new URL(url);
  const message = (m: string) => invalid(m, { url: [m] });
  if (u.protocol !== "https:") throw message("The endpoint URL must start with https://.");
  if (isPrivateHost(u.hostname)) {
    throw message("Webhooks cannot be sent to a loopback, private or link-local address.");
  }
}

export async function listWebhookEndpoints(db: Queryable, actor: Actor): Promise<WebhookEndpointView[]> {
  assertCan(actor, "webhook:read");
  const rows = await db.select().from(webhookEndpoint).orderBy(desc(webhookEndpoint.created), desc(webhookEndpoint.id)).limit(200);
  return rows.map(view);
}

export async function getWebhookEndpoint(db: Queryable, actor: Actor, id: string): Promise<WebhookEndpointView> {
  assertCan(actor, "webhook:read");
  const [row] = await db.select().from(webhookEndpoint).where(eq(webhookEndpoint.id, id));
  if (!row) throw notFound("Webhook endpoint not found.");
  return view(row);
}

/** Returns the signing secret this once: it is never shown again. */
export async function createWebhookEndpoint(
  db: Db,
  actor: Actor,
  input: { url: string; eventTypes: EventType[] | null },
): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  assertCan(actor, "webhook:manage");
  assertDeliverable(input.url);
  const secret = generateSigningSecret();
  const sealed = await sealSecret(secret);
  const eventTypes = input.eventTypes ? [...new Set(input.eventTypes)] : null;
  const row = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(webhookEndpoint)
      .values({ id: newId(), url: input.url, eventTypes, secret: sealed, createdBy: actor.label })
      .returning();
    await recordActivity(tx, actor, {
      action: "webhook_endpoint.created",
      targetKind: "webhook_endpoint",
      targetId: row!.id,
      change: { after: { url: row!.url, eventTypes: eventTypes ?? "all" } },
    });
    return row!;
  });
  return { endpoint: view(row), secret };
}

/** A new secret, shown once; the old one also signs for 24 hours so receivers can switch over. */
export async function rotateWebhookSecret(db: Db, actor: Actor, id: string): Promise<{ secret: string; previousValidUntil: Date }> {
  assertCan(actor, "webhook:manage");
  const secret = generateSigningSecret();
  const sealed = await sealSecret(secret);
  const previousValidUntil = new Date(Date.now() + ROTATION_OVERLAP_MS);
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(webhookEndpoint).where(eq(webhookEndpoint.id, id)).for("update");
    if (!before) throw notFound("Webhook endpoint not found.");
    await tx
      .update(webhookEndpoint)
      .set({ secret: sealed, previousSecret: before.secret, previousSecretExpiresAt: previousValidUntil, modified: new Date() })
      .where(eq(webhookEndpoint.id, id));
    await recordActivity(tx, actor, {
      action: "webhook_endpoint.secret_rotated",
      targetKind: "webhook_endpoint",
      targetId: id,
      change: { url: before.url, previousSecretValidUntil: previousValidUntil.toISOString() },
    });
  });
  return { secret, previousValidUntil };
}

/**
 * Disables or enables an endpoint. While disabled it gets no new deliveries and its waiting ones
 * pause; enabling resumes them and clears the reason of an automatic disable.
 */
export async function setWebhookEndpointEnabled(db: Db, actor: Actor, id: string, enabled: boolean): Promise<WebhookEndpointView> {
  assertCan(actor, "webhook:manage");
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(webhookEndpoint).where(eq(webhookEndpoint.id, id)).for("update");
    if (!before) throw notFound("Webhook endpoint not found.");
    if (enabled === !before.disabledAt) return view(before);
    const [after] = await tx
      .update(webhookEndpoint)
      .set(enabled ? { disabledAt: null, disabledReason: null, failingSince: null, modified: new Date() } : { disabledAt: new Date(), disabledReason: `Disabled by ${actor.label}.`, modified: new Date() })
      .where(eq(webhookEndpoint.id, id))
      .returning();
    await recordActivity(tx, actor, {
      action: enabled ? "webhook_endpoint.enabled" : "webhook_endpoint.disabled",
      targetKind: "webhook_endpoint",
      targetId: id,
      change: { url: before.url },
    });
    return view(after!);
  });
}

/** Deletes the endpoint and its delivery log. */
export async function deleteWebhookEndpoint(db: Db, actor: Actor, id: string): Promise<void> {
  assertCan(actor, "webhook:manage");
  await db.transaction(async (tx) => {
    const [deleted] = await tx.delete(webhookEndpoint).where(eq(webhookEndpoint.id, id)).returning();
    if (!deleted) throw notFound("Webhook endpoint not found.");
    await recordActivity(tx, actor, {
      action: "webhook_endpoint.deleted",
      targetKind: "webhook_endpoint",
      targetId: id,
      change: { before: { url: deleted.url, eventTypes: deleted.eventTypes ?? "all" } },
    });
  });
}

/** Sends a delivery again from its first attempt (it was delivered, or failed for good). */
export async function resendWebhookDelivery(db: Db, actor: Actor, endpointId: string, deliveryId: number): Promise<void> {
  assertCan(actor, "webhook:manage");
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: webhookDelivery.id, status: webhookDelivery.status, eventId: webhookDelivery.eventId })
      .from(webhookDelivery)
      .where(and(eq(webhookDelivery.id, deliveryId), eq(webhookDelivery.endpointId, endpointId)))
      .for("update");
    if (!row) throw notFound("Delivery not found.");
    // One waiting or under way goes out anyway: resending it changes nothing.
    if (row.status === "pending" || row.status === "sending") return;
    await tx
      .update(webhookDelivery)
      .set({ status: "pending", attempts: 0, nextAttemptAt: new Date(), lockedUntil: null, deliveredAt: null })
      .where(eq(webhookDelivery.id, deliveryId));
    await recordActivity(tx, actor, {
      action: "webhook_endpoint.delivery_resent",
      targetKind: "webhook_endpoint",
      targetId: endpointId,
      change: { eventId: row.eventId, previousStatus: row.status },
    });
  });
}

export interface AttemptView {
  id: number;
  deliveryId: number;
  eventId: string;
  eventType: string;
  attempt: number;
  at: Date;
  succeeded: boolean;
  statusCode: number | null;
  durationMs: number;
  responseExcerpt: string | null;
  error: string | null;
  deliveryStatus: "pending" | "sending" | "succeeded" | "failed";
}

/** The delivery log of an endpoint, newest attempt first, keyset on the attempt id. */
export async function listWebhookAttempts(
  db: Queryable,
  actor: Actor,
  endpointId: string,
  opts: { after?: number; size: number },
): Promise<{ rows: AttemptView[]; nextAfter?: number }> {
  assertCan(actor, "webhook:read");
  const rows = await db
    .select({
      id: webhookAttempt.id,
      deliveryId: webhookAttempt.deliveryId,
      eventId: webhookDelivery.eventId,
      eventType: event.type,
      attempt: webhookAttempt.attempt,
      at: webhookAttempt.at,
      succeeded: webhookAttempt.succeeded,
      statusCode: webhookAttempt.statusCode,
      durationMs: webhookAttempt.durationMs,
      responseExcerpt: webhookAttempt.responseExcerpt,
      error: webhookAttempt.error,
      deliveryStatus: webhookDelivery.status,
    })
    .from(webhookAttempt)
    .innerJoin(webhookDelivery, eq(webhookDelivery.id, webhookAttempt.deliveryId))
    .innerJoin(event, eq(event.id, webhookDelivery.eventId))
    .where(and(eq(webhookAttempt.endpointId, endpointId), opts.after ? lt(webhookAttempt.id, opts.after) : undefined))
    .orderBy(desc(webhookAttempt.id))
    .limit(opts.size + 1);
  const more = rows.length > opts.size;
  const page = more ? rows.slice(0, opts.size) : rows;
  return { rows: page, nextAfter: more ? page.at(-1)!.id : undefined };
}

/** Deliveries of an endpoint waiting for their first or next attempt. */
export async function countWaitingDeliveries(db: Queryable, endpointId: string): Promise<number> {
  const capped = db
    .select({ one: sql`1` })
    .from(webhookDelivery)
    .where(and(eq(webhookDelivery.endpointId, endpointId), eq(webhookDelivery.status, "pending")))
    .limit(1001)
    .as("capped");
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(capped);
  return Number(row?.n ?? 0);
}
