import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Db, type Queryable } from "@/db";
import { mailOutbox } from "@/db/schema";
import { newId } from "@/lib/ids";
import { sendMail, type Mail } from "./index";

/**
 * The mail outbox. A mail is queued in the transaction of the token it carries and sent by the
 * outbox worker after commit, with retries: an SMTP outage delays mail and never loses it, and a
 * rolled-back change never mails a dead link. Once sent, the body (and so the link) is cleared.
 */
export async function queueMail(db: Queryable, mail: Mail, expiresAt: Date): Promise<void> {
  await db.insert(mailOutbox).values({
    id: newId(),
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html ?? null,
    link: mail.link ?? null,
    expiresAt,
  });
}

/** A claimed mail may be re-claimed by another worker after this (its sender died mid-send). */
const LEASE_SECONDS = 120;
const BASE_SECONDS = 5;
const MAX_DELAY_SECONDS = 300;

/** 5 s, 10 s, 20 s … at most 5 min, plus up to 25 % jitter so instances do not retry in step. */
export function mailRetryDelaySeconds(attempts: number, random = Math.random): number {
  return Math.min(BASE_SECONDS * 2 ** Math.max(0, attempts - 1), MAX_DELAY_SECONDS) * (1 + random() * 0.25);
}

interface Claimed {
  id: string;
  to: string;
  subject: string;
  text: string | null;
  html: string | null;
  link: string | null;
  attempts: number;
  expires_at: string | Date;
}

/**
 * Claims due mails (FOR UPDATE SKIP LOCKED, so instances never take the same one), sends them,
 * and records each outcome. Returns how many were sent and how many are given up on.
 */
export async function sendDueMails(db: Db, limit = 10): Promise<{ sent: number; failed: number; claimed: number }> {
  const claimed = rowsOf<Claimed>(
    await db.execute(sql`
      update mail_outbox m set status = 'sending', attempts = m.attempts + 1,
        locked_until = now() + make_interval(secs => ${LEASE_SECONDS})
      from (
        select id from mail_outbox
        where (status = 'pending' and next_attempt_at <= now()) or (status = 'sending' and locked_until <= now())
        order by next_attempt_at
        limit ${limit}
        for update skip locked
      ) due
      where m.id = due.id
      returning m.id, m."to", m.subject, m.text, m.html, m.link, m.attempts, m.expires_at`),
  );
  let sent = 0;
  let failed = 0;
  await Promise.all(
    claimed.map(async (m) => {
      try {
        await sendMail({ to: m.to, subject: m.subject, text: m.text ?? "", html: m.html ?? undefined, link: m.link ?? undefined });
        sent++;
        await db.execute(sql`
          update mail_outbox set status = 'succeeded', sent_at = now(), locked_until = null, last_error = null,
            text = null, html = null, link = null
          where id = ${m.id} and status = 'sending' and attempts = ${m.attempts}`);
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        const delay = mailRetryDelaySeconds(m.attempts);
        const giveUp = Date.now() + delay * 1000 >= new Date(m.expires_at).getTime();
        if (giveUp) failed++;
        console.error(`[mail] could not send "${m.subject}" to ${m.to} (attempt ${m.attempts}${giveUp ? ", giving up: its link has expired" : ", will retry"}): ${reason}`);
        await db.execute(sql`
          update mail_outbox set
            status = ${giveUp ? "failed" : "pending"}::outbox_status,
            next_attempt_at = now() + make_interval(secs => ${delay}),
            locked_until = null, last_error = ${reason.slice(0, 500)},
            text = case when ${giveUp} then null else text end,
            html = case when ${giveUp} then null else html end,
            link = case when ${giveUp} then null else link end
          where id = ${m.id} and status = 'sending' and attempts = ${m.attempts}`);
      }
    }),
  );
  // The mail server answers again: what waits for a retry goes now, not after its backoff.
  if (sent > 0) {
    await db.execute(sql`update mail_outbox set next_attempt_at = now() where status = 'pending' and attempts > 0 and next_attempt_at > now()`);
  }
  return { sent, failed, claimed: claimed.length };
}
