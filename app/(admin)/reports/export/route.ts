import { getDb } from "@/db";
import { getAdmin } from "@/lib/auth/session";
import { today } from "@/lib/csv-response";
import { reportCsv, reportCsvError, reportCsvResponse } from "@/lib/reports/csv";
import { resolvePeriod } from "@/lib/reports/period";
import { usageByPartner } from "@/lib/reports/usage";

export const dynamic = "force-dynamic";

/** The per-partner usage table of /reports as CSV, for the same period. */
export async function GET(request: Request) {
  const admin = await getAdmin();
  if (!admin) return Response.json({ message: "Sign in first." }, { status: 401 });
  try {
    const period = resolvePeriod(Object.fromEntries(new URL(request.url).searchParams));
    const report = await usageByPartner(await getDb(), admin, period);
    return reportCsvResponse(reportCsv(report, period, "Partner", (r) => (r.id === null ? "No partner" : r.name)), `usage-by-partner-${period.from}-${period.to}-${today()}.csv`);
  } catch (err) {
    return reportCsvError(err);
  }
}
