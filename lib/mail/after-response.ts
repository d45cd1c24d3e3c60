import "server-only";
import { after } from "next/server";

/**
 * Runs `task` once the response has been sent (next/server `after`), so a slow mail server never
 * holds up the answer to the person who made the change; outside a request (scripts, tests) it
 * runs at once. Until mail goes through a durable outbox, a mail lost to a crash in between is
 * sent again by hand ("Resend invitation"), as one that failed to send is.
 */
export async function afterResponse(task: () => Promise<unknown>): Promise<void> {
  try {
    after(task);
  } catch {
    // `after` refuses to run outside a request scope.
    await task();
  }
}
