import { activityExportResponse } from "@/lib/activity/export-response";
import { getAdmin } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** Activity > "Export CSV" / "Export JSON Lines": the entries the page's filters select, streamed. */
export async function GET(request: Request) {
  const admin = await getAdmin();
  if (!admin) return Response.json({ message: "Sign in first." }, { status: 401 });
  return activityExportResponse(request, admin, "activity");
}
