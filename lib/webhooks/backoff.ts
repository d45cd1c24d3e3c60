import { config } from "@/lib/config";

/** The first attempt and 12 retries: at the default base of 30 s, about a day (20–26 h). */
export const MAX_ATTEMPTS = 13;

/**
 * Seconds before retry number `attempt` (1 = the first retry): exponential from
 * WEBHOOK_RETRY_BASE_SECONDS (30 s, 1 min, 2 min … capped at 720 × base, 6 h by default),
 * plus up to 25 % jitter so many failing deliveries do not come back in one wave.
 */
export function retryDelaySeconds(attempt: number, base = config.webhookRetryBaseSeconds(), random = Math.random): number {
  const exponential = Math.min(base * 2 ** Math.max(0, attempt - 1), base * 720);
  return exponential * (1 + random() * 0.25);
}

/** An endpoint whose deliveries have all failed for this long is disabled. */
export const DISABLE_AFTER_MS = 3 * 24 * 3600_000;
