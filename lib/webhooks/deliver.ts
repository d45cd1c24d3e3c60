import "server-only";
import { inArray, sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";
import { event, webhookEndpoint, type EventRow, type WebhookEndpointRow } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record";
import { systemActor } from "@/lib/auth/actor";
import { config } from "@/lib/config";
import { toEventPayload } from "@/lib/events/query";
import { DISABLE_AFTER_MS, MAX_ATTEMPTS, retryDelaySeconds } from "./backoff";
import { postWebhook, type PostResult } from "./http";
import { openSecret, signatureHeaders } from "./signing";

/** Longer than one attempt can take (10 s), so a live sender never loses its claim to another. */
const LEASE_SECONDS = 30;

interface Claimed {
  id: number;
  endpoint_id: string;
  event_id: string;
  attempts: number;
}

/**
 * Claims due deliveries and sends them. A delivery is due when it waits for its (re)try, or when
 * its sender's lease ran out (that instance died mid-send: at least once, never lost). Only the
 * oldest open delivery of each resource per endpoint is claimable, so one resource's events
 * arrive in order. FOR UPDATE SKIP LOCKED lets several instances claim side by side without
 * taking the same delivery.
 */
export async function deliverDueWebhooks(db: Db, limit = 16): Promise<{ claimed: number; succeeded: number }> {
  const claimed = rowsOf<Claimed>(
    await db.execute(sql`
      update webhook_delivery d set status = 'sending', attempts = d.attempts + 1,
        locked_until = now() + make_interval(secs => ${LEASE_SECONDS})
      from (
        select c.id from webhook_delivery c
        join webhook_endpoint w on w.id = c.endpoint_id and w.disabled_at is null
        where ((c.status = 'pending' and c.next_attempt_at <= now()) or (c.status = 'sending' and c.locked_until <= now()))
          and not exists (
            select 1 from webhook_delivery p
            where p.endpoint_id = c.endpoint_id and p.resource_id = c.resource_id and p.seq < c.seq and p.status in ('pending', 'sending')
          )
        order by c.seq
        limit ${limit}
        for update of c skip locked
      ) due
      where d.id = due.id
      returning d.id, d.endpoint_id, d.event_id, d.attempts`),
  ).map((r) => ({ ...r, id: Number(r.id), attempts: Number(r.attempts) }));
  if (!claimed.length) return { claimed: 0, succeeded: 0 };
  const [events, endpoints] = await Promise.all([
    db.select().from(event).where(inArray(event.id, [...new Set(claimed.map((c) => c.event_id))])),
    db.select().from(webhookEndpoint).where(inArray(webhookEndpoint.id, [...new Set(claimed.map((c) => c.endpoint_id))])),
  ]);
  const eventById = new Map(events.map((e) => [e.id, e]));
  const endpointById = new Map(endpoints.map((e) => [e.id, e]));
  const results = await Promise.all(
    claimed.map(async (c) => {
      const result = await send(endpointById.get(c.endpoint_id)!, eventById.get(c.event_id)!);
      await record(db, c, result);
      return result.ok;
    }),
  );
  return { claimed: claimed.length, succeeded: results.filter(Boolean).length };
}

async function send(endpoint: WebhookEndpointRow, ev: EventRow): Promise<PostResult> {
  const body = JSON.stringify(toEventPayload(ev));
  let secrets: string[];
  try {
    secrets = [await openSecret(endpoint.secret)];
    if (endpoint.previousSecret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt.getTime() > Date.now()) {
      secrets.push(await openSecret(endpoint.previousSecret));
    }
  } catch {
    return { ok: false, durationMs: 0, error: "The signing secret cannot be read (was AUTH_SECRET changed?). Rotate the secret." };
  }
  return postWebhook(endpoint.url, body, signatureHeaders(secrets, ev.id, new Date(), body), config.webhookAllowPrivateAddresses());
}

/** Logs the attempt and moves the delivery on: done, a retry later, or failed for good. */
async function record(db: Db, c: Claimed, r: PostResult): Promise<void> {
  await db.transaction(async (tx) => {
    // Still ours? (If our lease ran out and another instance took over, its outcome counts.)
    const mine = rowsOf<{ id: number }>(
      await tx.execute(sql`select id from webhook_delivery where id = ${c.id} and status = 'sending' and attempts = ${c.attempts} for update`),
    );
    if (!mine.length) return;
    await tx.execute(sql`
      insert into webhook_attempt (delivery_id, endpoint_id, attempt, at, succeeded, status_code, duration_ms, response_excerpt, error)
      values (${c.id}, ${c.endpoint_id}, ${c.attempts}, now(), ${r.ok}, ${r.status ?? null}, ${r.durationMs}, ${r.excerpt ?? null}, ${r.error?.slice(0, 500) ?? null})`);
    if (r.ok) {
      await tx.execute(sql`update webhook_delivery set status = 'succeeded', delivered_at = now(), locked_until = null where id = ${c.id}`);
      await tx.execute(sql`update webhook_endpoint set failing_since = null where id = ${c.endpoint_id} and failing_since is not null`);
      // The endpoint answers again: what waits for a retry goes now, not after its backoff.
      await tx.execute(sql`
        update webhook_delivery set next_attempt_at = now()
        where endpoint_id = ${c.endpoint_id} and status = 'pending' and attempts > 0 and next_attempt_at > now()`);
      return;
    }
    const giveUp = c.attempts >= MAX_ATTEMPTS;
    await tx.execute(sql`
      update webhook_delivery set
        status = ${giveUp ? "failed" : "pending"}::outbox_status,
        next_attempt_at = now() + make_interval(secs => ${giveUp ? 0 : retryDelaySeconds(c.attempts)}),
        locked_until = null
      where id = ${c.id}`);
    const [endpoint] = rowsOf<{ failing_since: string | Date; disabled_at: string | null }>(
      await tx.execute(sql`
        update webhook_endpoint set failing_since = coalesce(failing_since, now())
        where id = ${c.endpoint_id} returning failing_since, disabled_at`),
    );
    if (endpoint && !endpoint.disabled_at && Date.now() - new Date(endpoint.failing_since).getTime() >= DISABLE_AFTER_MS) {
      const reason = `Every delivery failed for 3 days, so it was disabled automatically. Last error: ${r.error ?? `HTTP ${r.status}`}`;
      await tx.execute(sql`update webhook_endpoint set disabled_at = now(), disabled_reason = ${reason.slice(0, 600)}, modified = now() where id = ${c.endpoint_id}`);
      await recordActivity(tx, systemActor, { action: "webhook_endpoint.disabled", targetKind: "webhook_endpoint", targetId: c.endpoint_id, change: { reason } });
      console.warn(`[webhooks] endpoint ${c.endpoint_id} disabled: failing for 3 days`);
    }
  });
}
