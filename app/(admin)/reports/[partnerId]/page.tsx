import Link from "next/link";
import { notFound } from "next/navigation";
import { EngagementSection } from "@/components/reports/engagement-section";
import { PeriodPicker } from "@/components/reports/period-picker";
import { UsageReportView } from "@/components/reports/usage-report";
import { getDb } from "@/db";
import { requireAdminPage } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors";
import { engagement } from "@/lib/reports/engagement";
import { periodQuery, resolvePeriod } from "@/lib/reports/period";
import { partnerUsageReport } from "@/lib/reports/usage";

export const metadata = { title: "Partner report" };

/** The drill-down: one partner's customer organisations, and its members' engagement. */
export default async function PartnerReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ partnerId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const admin = await requireAdminPage();
  const { partnerId } = await params;
  const period = resolvePeriod(await searchParams);
  const db = await getDb();
  const report = await partnerUsageReport(db, admin, partnerId, period).catch((err) => {
    if (err instanceof DomainError && err.code === "not_found") notFound();
    throw err;
  });
  const figures = await engagement(db, admin, period, partnerId);
  const qs = periodQuery(period);
  const base = `/reports/${partnerId}`;
  return (
    <div className="space-y-8">
      <div className="space-y-4">
        <nav aria-label="Breadcrumb" className="text-sm">
          <Link href={`/reports?${qs}`} className="underline-offset-4 hover:underline">
            Reports
          </Link>{" "}
          / {report.partner.name}
        </nav>
        <h1 className="text-2xl font-semibold">Report: {report.partner.name}</h1>
        <PeriodPicker basePath={base} period={period} />
      </div>
      <UsageReportView
        report={report}
        heading="Usage by organisation"
        rowHeader="Organisation"
        csvHref={`${base}/export?${qs}`}
        rowHref={(r) => (r.id ? `/organisations/${r.id}` : undefined)}
        footnote={`${report.rows.length.toLocaleString("en-GB")} of the ${report.organisations.toLocaleString("en-GB")} organisations ${report.partner.name} owns had usage in this period.`}
      />
      <EngagementSection data={figures} scope="partner" />
    </div>
  );
}
