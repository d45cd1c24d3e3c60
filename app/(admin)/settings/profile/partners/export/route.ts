import { getDb } from "@/db";
import { getAdmin } from "@/lib/auth/session";
import { csvError, csvResponse, today } from "@/lib/csv-response";
import { partnersCsvStream } from "@/lib/partners/csv-export";
import { partnersExportSearchSchema } from "@/lib/validations/partner-org";

export const dynamic = "force-dynamic";

/** The partners table as CSV: the table's current search, status filter and sort, all pages, streamed. */
export async function GET(request: Request) {
  const admin = await getAdmin();
  if (!admin) return Response.json({ message: "Sign in first." }, { status: 401 });
  try {
    const search = partnersExportSearchSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    return csvResponse(partnersCsvStream(await getDb(), admin, search), `partners-${today()}.csv`);
  } catch (err) {
    return csvError(err);
  }
}
