import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { describePeriod, type Period } from "@/lib/reports/period";
import { cn } from "@/lib/utils";

const PRESETS = [
  { kind: "7d", label: "Last 7 days" },
  { kind: "30d", label: "Last 30 days" },
  { kind: "90d", label: "Last 90 days" },
] as const;

/** The report's period, kept in the URL: preset links, or custom dates through a plain GET form. */
export function PeriodPicker({ basePath, period }: { basePath: string; period: Period }) {
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-end gap-4">
        <nav aria-label="Period">
          <ul className="flex gap-1">
            {PRESETS.map((p) => (
              <li key={p.kind}>
                <Link
                  href={`${basePath}?period=${p.kind}`}
                  aria-current={period.kind === p.kind ? "page" : undefined}
                  className={cn("inline-flex h-9 items-center rounded-md border px-3 text-sm hover:bg-accent", period.kind === p.kind && "bg-accent font-semibold")}
                >
                  {p.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <form action={basePath} method="get" aria-label="Custom period" className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="period" value="custom" />
          <div className="grid gap-1.5">
            <Label htmlFor="period-from">From</Label>
            <Input id="period-from" name="from" type="date" required defaultValue={period.kind === "custom" ? period.from : undefined} className="w-40" />
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="period-to">To</Label>
            <Input id="period-to" name="to" type="date" required defaultValue={period.kind === "custom" ? period.to : undefined} className="w-40" />
          </div>
          <Button type="submit" variant="outline">
            Show
          </Button>
        </form>
      </div>
      {period.error ? (
        <p role="alert" className="text-sm font-medium text-destructive">
          {period.error} Showing the last 30 days instead.
        </p>
      ) : null}
      <p className="text-sm text-muted-foreground" data-testid="report-period">
        {describePeriod(period)}. Days are UTC dates: &quot;last 7 days&quot; is today (UTC) and the 6 days before.
      </p>
    </div>
  );
}
