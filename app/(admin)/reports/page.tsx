import { EngagementSection } from "@/components/reports/engagement-section";
import { PeriodPicker } from "@/components/reports/period-picker";
import { UsageReportView } from "@/components/reports/usage-report";
import { getDb } from "@/db";
import { requireAdminPage } from "@/lib/auth/session";
import { engagement } from "@/lib/reports/engagement";
import { periodQuery, resolvePeriod } from "@/lib/reports/period";
import { usageByPartner } from "@/lib/reports/usage";

export const metadata = { title: "Reports" };

/** Portal admins: every partner's usage (its organisations combined), then engagement. */
export default async function ReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdminPage();
  const period = resolvePeriod(await searchParams);
  const db = await getDb();
  const [usage, figures] = await Promise.all([usageByPartner(db, admin, period), engagement(db, admin, period)]);
  const qs = periodQuery(period);
  return (
    <div className="space-y-8">
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">Reports</h1>
        <PeriodPicker basePath="/reports" period={period} />
      </div>
      <UsageReportView
        report={usage}
        heading="Usage by partner"
        rowHeader="Partner"
        csvHref={`/reports/export?${qs}`}
        rowName={(r) => (r.id === null ? "No partner" : r.name)}
        rowHref={(r) => (r.id === null ? undefined : `/reports/${r.id}?${qs}`)}
        footnote="Each partner's figures combine the customer organisations it owns today: an organisation that moved takes its usage with it. A maximum is the highest daily figure of any one organisation."
      />
      <EngagementSection data={figures} scope="all" />
    </div>
  );
}
