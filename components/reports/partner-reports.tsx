import { notFound } from "next/navigation";
import { getDb } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import { periodQuery, resolvePeriod } from "@/lib/reports/period";
import { partnerUsageReport } from "@/lib/reports/usage";
import { PeriodPicker } from "./period-picker";
import { UsageReportView } from "./usage-report";

/**
 * A partner's "Reports" page body (seed 002): its customer organisations' usage over the period.
 * Placed by the partner pages at `basePath`; the CSV is served at `${basePath}/export`. Another
 * partner's report is "not found", revealing nothing.
 */
export async function PartnerReports({
  actor,
  partnerOrgId,
  basePath,
  searchParams,
}: {
  actor: Actor;
  partnerOrgId: string;
  basePath: string;
  searchParams: Record<string, string | string[] | undefined>;
}) {
  const period = resolvePeriod(searchParams);
  const report = await partnerUsageReport(await getDb(), actor, partnerOrgId, period).catch((err) => {
    if (err instanceof DomainError && (err.code === "not_found" || err.code === "forbidden")) notFound();
    throw err;
  });
  return (
    <div className="space-y-8">
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">Reports</h1>
        <p className="text-sm text-muted-foreground">
          Total usage for each organisation of your partner account. Usage is counted under the partner that owns the organisation now.
        </p>
        <PeriodPicker basePath={basePath} period={period} />
      </div>
      <UsageReportView
        report={report}
        heading="Usage by organisation"
        rowHeader="Organisation"
        csvHref={`${basePath}/export?${periodQuery(period)}`}
        footnote={`${report.rows.length.toLocaleString("en-GB")} of your ${report.organisations.toLocaleString("en-GB")} organisations had usage in this period.`}
      />
    </div>
  );
}

