import "server-only";
import type { Database, Db } from "@/db";
import { isDatabaseUnavailable } from "@/lib/errors";
import { sequenceEvents } from "@/lib/events/sequencer";
import { sendDueMails } from "@/lib/mail/outbox";
import { deliverDueWebhooks } from "@/lib/webhooks/deliver";

/**
 * One pass of the outbox: number the events that committed (and fan them out to webhook
 * endpoints), then send due webhooks and mails. True when it found work, so the caller goes again
 * at once instead of sleeping.
 */
export async function runOutboxOnce(db: Db): Promise<boolean> {
  let sequenced = 0;
  for (let n = await sequenceEvents(db); n > 0; n = await sequenceEvents(db)) sequenced += n;
  const [webhooks, mails] = await Promise.all([deliverDueWebhooks(db), sendDueMails(db)]);
  return sequenced > 0 || webhooks.claimed > 0 || mails.claimed > 0;
}

const POLL_MS = 1000;

export interface OutboxWorker {
  wake(): void;
  stop(): Promise<void>;
}

/**
 * The outbox worker of this app process. It wakes on NOTIFY pm_outbox (sent at commit by the
 * triggers on event and mail_outbox, so right after a change commits) and polls every second for
 * retries and leases that ran out. Several instances on one PostgreSQL share the work through
 * FOR UPDATE SKIP LOCKED; on the embedded database only this process opens it.
 */
export function startOutboxWorker(database: Database): OutboxWorker {
  let stopped = false;
  let wakeUp: (() => void) | undefined;
  let pending = false;
  let lastError = "";
  const wake = () => {
    pending = true;
    wakeUp?.();
  };
  const sleep = () =>
    new Promise<void>((resolve) => {
      if (pending) return resolve();
      const timer = setTimeout(resolve, POLL_MS);
      timer.unref();
      wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const unlisten = database.listen("pm_outbox", wake).catch((err) => {
    console.warn(`[outbox] LISTEN failed, polling only: ${err instanceof Error ? err.message : err}`);
    return async () => {};
  });
  const loop = (async () => {
    while (!stopped) {
      pending = false;
      let busy = false;
      try {
        busy = await runOutboxOnce(database.db);
        lastError = "";
      } catch (err) {
        // Logged once per distinct error, so a database outage does not flood the log.
        const message = isDatabaseUnavailable(err) ? "the database is unavailable" : err instanceof Error ? err.message : String(err);
        if (message !== lastError) console.error(`[outbox] ${message}; retrying`);
        lastError = message;
      }
      if (!busy && !stopped) await sleep();
      wakeUp = undefined;
    }
  })();
  return {
    wake,
    stop: async () => {
      stopped = true;
      wakeUp?.();
      await loop;
      await (await unlisten)();
    },
  };
}
