import { getDb } from "@/db";
import { getPartner } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors";
import { getPartnerOrgBySlug } from "@/lib/partners/slug";
import { partnerReportCsv } from "@/lib/reports/partner-csv";

export const dynamic = "force-dynamic";

/** "Download CSV" of the partner Reports page: the signed-in user's own partner account only; another slug is "not found". */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const partner = await getPartner();
  if (!partner) return Response.json({ message: "Sign in first." }, { status: 401 });
  try {
    const org = await getPartnerOrgBySlug(await getDb(), partner, (await params).slug);
    return partnerReportCsv(request, org.id);
  } catch (err) {
    if (err instanceof DomainError && (err.code === "not_found" || err.code === "forbidden")) return Response.json({ message: "Not found." }, { status: 404 });
    throw err;
  }
}
