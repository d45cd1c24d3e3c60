import type { z } from "zod";
import { MAX_USAGE_RECORDS, usageBodyDocSchema, usageRejectedSchema, usageResultSchema } from "@/lib/validations/usage";

type Json = Record<string, unknown>;
interface Parts {
  jsonContent: (schema: z.ZodType, io: "input" | "output") => Json;
  response: (description: string, schema: z.ZodType) => Json;
  errors: (...codes: (400 | 404 | 409 | 413)[]) => Json;
  common: Json;
}

export const USAGE_TAG = {
  name: "Usage",
  description:
    "Usage of customer organisations (e.g. GB transferred), reported by the business's platform per organisation, metric and UTC day. Usage metrics are defined by portal admins in Settings > Usage metrics; partners see the totals of their organisations in Reports.",
};

/** The usage extension: one ingestion operation. */
export function usagePaths(p: Parts): Json {
  return {
    "/partner-management/usage": {
      post: {
        operationId: "ingestUsage",
        summary: "Send Usage Records",
        tags: [USAGE_TAG.name],
        description: [
          `Stores 1 to ${MAX_USAGE_RECORDS} usage records, all of them or none.`,
          "Each record carries your idempotency key as `id`: a record whose id is already stored is ignored and counted in `duplicates`, so a retried request never counts twice, even when two copies arrive at once.",
          "If any record is not valid (unknown organisation or metric key, a negative, non-finite or over-precise quantity, a date that does not exist or is in the future), the answer is 400 with every failing record's index and reason, and nothing of the request is stored.",
          `More than ${MAX_USAGE_RECORDS} records is a 400; a body over 1 MB is a 413.`,
          "An organisation's usage follows it: reports count it under the partner that owns the organisation when the report is read.",
        ].join(" "),
        requestBody: { required: true, content: p.jsonContent(usageBodyDocSchema, "input") },
        responses: {
          "200": p.response("Stored: how many records were new, and how many were already stored.", usageResultSchema),
          "400": { description: "Not valid: the body, or the records listed in `errors`. Nothing was stored.", content: p.jsonContent(usageRejectedSchema, "output") },
          ...p.errors(413),
          ...p.common,
        },
      },
    },
  };
}
