import { getPartner } from "@/lib/auth/session";
import { partnerReportCsv } from "@/lib/reports/partner-csv";

export const dynamic = "force-dynamic";

/** "Download CSV" of the interim partner Reports page: the signed-in partner user's own account. */
export async function GET(request: Request) {
  const partner = await getPartner();
  if (!partner) return Response.json({ message: "Sign in first." }, { status: 401 });
  return partnerReportCsv(request, partner.partnerOrgId);
}
