import { getDb } from "@/db";
import { getAdmin } from "@/lib/auth/session";
import { csvError, csvResponse, today } from "@/lib/csv-response";
import { partnerUsersCsvStream } from "@/lib/partners/csv-export";

export const dynamic = "force-dynamic";

/** An organisation's partner users as CSV, streamed. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const admin = await getAdmin();
  if (!admin) return Response.json({ message: "Sign in first." }, { status: 401 });
  const { id } = await params;
  try {
    return csvResponse(await partnerUsersCsvStream(await getDb(), admin, id), `partner-users-${id}-${today()}.csv`);
  } catch (err) {
    return csvError(err);
  }
}
