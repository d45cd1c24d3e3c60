/** A figure as reports show it: grouped digits, up to 6 decimals (the precision stored); "—" for no usage. */
export function formatFigure(value: number | null): string {
  return value === null ? "—" : value.toLocaleString("en-GB", { maximumFractionDigits: 6 });
}

/** "12 Mar" for a UTC date, on axes and in summaries. */
export function shortDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
}
