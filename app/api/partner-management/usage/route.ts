import { apiRoute, json, ok, readJsonBody } from "@/lib/api/handler";
import { ingestUsage, UsageRejected } from "@/lib/usage/ingest";
import { usageBodySchema } from "@/lib/validations/usage";

export const dynamic = "force-dynamic";

/** 1,000 records with the longest ids fit; anything larger is refused before it is read. */
const MAX_USAGE_BODY_BYTES = 1024 * 1024;

/** ingestUsage: usage records of customer organisations, all stored or none; retries are ignored by id. */
export const POST = apiRoute(async ({ request, db, actor }) => {
  const body = await readJsonBody(request, usageBodySchema, { maxBytes: MAX_USAGE_BODY_BYTES });
  try {
    return ok(await ingestUsage(db, actor, body.records));
  } catch (err) {
    if (err instanceof UsageRejected) return json({ message: err.message, errors: err.errors }, 400);
    throw err;
  }
});
