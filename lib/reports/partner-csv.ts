import "server-only";
import { getDb } from "@/db";
import { getPartner } from "@/lib/auth/session";
import { reportCsv, reportCsvError, reportCsvResponse } from "./csv";
import { resolvePeriod } from "./period";
import { partnerUsageReport } from "./usage";

/**
 * The partner Reports page's "Download CSV": the signed-in partner user's own partner account only
 * (`partnerOrgId` from the URL must be theirs, or the answer is 404), the period from the query.
 */
export async function partnerReportCsv(request: Request, partnerOrgId: string): Promise<Response> {
  const partner = await getPartner();
  if (!partner) return Response.json({ message: "Sign in first." }, { status: 401 });
  try {
    if (partnerOrgId !== partner.partnerOrgId) return Response.json({ message: "Not found." }, { status: 404 });
    const period = resolvePeriod(Object.fromEntries(new URL(request.url).searchParams));
    const report = await partnerUsageReport(await getDb(), partner, partnerOrgId, period);
    return reportCsvResponse(reportCsv(report, period, "Organisation"), `usage-${period.from}-${period.to}.csv`);
  } catch (err) {
    return reportCsvError(err);
  }
}
