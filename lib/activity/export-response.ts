import "server-only";
import { getDb } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { csvError, csvResponse, jsonLinesResponse, today } from "@/lib/csv-response";
import { activityExportSearchSchema } from "@/lib/validations/activity";
import { activityCsvStream, activityJsonLinesStream } from "./export";

/**
 * The download of an Activity export: `format=csv` (default) or `format=jsonl`, with the page's
 * filters from the query string (what the page shows is what is exported, every page of it).
 */
export async function activityExportResponse(request: Request, actor: Actor, name: string): Promise<Response> {
  try {
    const params = Object.fromEntries(new URL(request.url).searchParams);
    const filters = activityExportSearchSchema.parse(params);
    const db = await getDb();
    if (params.format === "jsonl") return jsonLinesResponse(activityJsonLinesStream(db, actor, filters), `${name}-${today()}.jsonl`);
    return csvResponse(activityCsvStream(db, actor, filters), `${name}-${today()}.csv`);
  } catch (err) {
    return csvError(err);
  }
}
