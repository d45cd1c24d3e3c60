import { MAX_PERIOD_DAYS, PRESET_PERIODS, reportPeriodSchema } from "@/lib/validations/report";
import { utcDay } from "@/lib/validations/usage";

export type PeriodKind = (typeof PRESET_PERIODS)[number] | "custom";

/** A report's days: `from` to `to` inclusive, UTC dates (YYYY-MM-DD). */
export interface Period {
  kind: PeriodKind;
  from: string;
  to: string;
  /** Every day of the period, in order. */
  days: string[];
  /** Why a custom period given was not used, when it was not. */
  error?: string;
}

const PRESET_DAYS: Record<(typeof PRESET_PERIODS)[number], number> = { "7d": 7, "30d": 30, "90d": 90 };

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

function preset(kind: (typeof PRESET_PERIODS)[number], now: Date): Period {
  const to = utcDay(0, now);
  const from = addDays(to, -(PRESET_DAYS[kind] - 1));
  return { kind, from, to, days: daysBetween(from, to) };
}

/**
 * The period a report's URL asks for. "Last 7 days" is today (UTC) and the 6 days before it.
 * A custom period that is incomplete, reversed or longer than a year falls back to the last 30 days,
 * with the reason in `error` for the page to show.
 */
export function resolvePeriod(search: Record<string, string | string[] | undefined>, now = new Date()): Period {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  const raw = { period: first(search.period), from: first(search.from), to: first(search.to) };
  const parsed = reportPeriodSchema.safeParse(raw);
  if (!parsed.success) {
    return { ...preset("30d", now), error: parsed.error.issues[0]?.message ?? "The period is not valid." };
  }
  const v = parsed.data;
  if (v.period !== "custom") return preset(v.period, now);
  const length = (Date.parse(`${v.to}T00:00:00Z`) - Date.parse(`${v.from}T00:00:00Z`)) / 86_400_000 + 1;
  if (length > MAX_PERIOD_DAYS) {
    return { ...preset("30d", now), error: `A period may be at most ${MAX_PERIOD_DAYS} days long.` };
  }
  return { kind: "custom", from: v.from!, to: v.to!, days: daysBetween(v.from!, v.to!) };
}

/** The query string of a period, for links and the CSV download. */
export function periodQuery(p: Pick<Period, "kind" | "from" | "to">): string {
  return p.kind === "custom" ? `period=custom&from=${p.from}&to=${p.to}` : `period=${p.kind}`;
}

export function describePeriod(p: Pick<Period, "kind" | "from" | "to" | "days">): string {
  const label = p.kind === "custom" ? `${p.days.length} days` : `Last ${PRESET_DAYS[p.kind]} days`;
  return `${label}: ${p.from} to ${p.to} (UTC dates)`;
}

/** Roll-up blocks: level 0 to 3 are 1, 4, 16 and 64 days, aligned from 2000-01-01 (the earliest usage day). */
export const BLOCK_DAYS = [1, 4, 16, 64] as const;
const ANCHOR = Date.parse("2000-01-01T00:00:00Z");
const epochDay = (day: string) => Math.round((Date.parse(`${day}T00:00:00Z`) - ANCHOR) / 86_400_000);
const dayOf = (n: number) => new Date(ANCHOR + n * 86_400_000).toISOString().slice(0, 10);

/**
 * The fewest aligned blocks that tile the period exactly (greedy from the left: the largest block
 * that starts here and ends inside). 90 days take about 10 to 20 blocks.
 */
export function blocksCovering(from: string, to: string): { level: number; start: string }[] {
  let d = Math.max(0, epochDay(from));
  const end = epochDay(to) + 1;
  const out: { level: number; start: string }[] = [];
  while (d < end) {
    let level = BLOCK_DAYS.length - 1;
    while (level > 0 && (d % BLOCK_DAYS[level]! !== 0 || d + BLOCK_DAYS[level]! > end)) level--;
    out.push({ level, start: dayOf(d) });
    d += BLOCK_DAYS[level]!;
  }
  return out;
}
