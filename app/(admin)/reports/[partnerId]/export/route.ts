import { getDb } from "@/db";
import { getAdmin } from "@/lib/auth/session";
import { reportCsv, reportCsvError, reportCsvResponse } from "@/lib/reports/csv";
import { resolvePeriod } from "@/lib/reports/period";
import { partnerUsageReport } from "@/lib/reports/usage";

export const dynamic = "force-dynamic";

/** One partner's usage by organisation as CSV, for the same period as its report page. */
export async function GET(request: Request, { params }: { params: Promise<{ partnerId: string }> }) {
  const admin = await getAdmin();
  if (!admin) return Response.json({ message: "Sign in first." }, { status: 401 });
  try {
    const { partnerId } = await params;
    const period = resolvePeriod(Object.fromEntries(new URL(request.url).searchParams));
    const report = await partnerUsageReport(await getDb(), admin, partnerId, period);
    return reportCsvResponse(reportCsv(report, period, "Organisation"), `usage-${report.partner.name}-${period.from}-${period.to}.csv`);
  } catch (err) {
    return reportCsvError(err);
  }
}
