import { activityExportResponse } from "@/lib/activity/export-response";
import { getPartner } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** A partner Admin's export of their own organisation's activity (the domain allows no other). */
export async function GET(request: Request) {
  const partner = await getPartner();
  if (!partner) return Response.json({ message: "Sign in first." }, { status: 401 });
  return activityExportResponse(request, partner, "partner-activity");
}
