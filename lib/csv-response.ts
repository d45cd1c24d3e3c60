import "server-only";
import { z } from "zod";
import { DomainError } from "@/lib/errors";
import { logError } from "@/lib/log";

/** A streamed CSV download. */
export function csvResponse(stream: ReadableStream<Uint8Array>, filename: string): Response {
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

/**
 * What a download route answers when its input or the domain refuses; never a stack trace. Input is
 * validated before the stream starts, so a bad search is a 400, never a download cut short.
 */
export function csvError(err: unknown): Response {
  if (err instanceof z.ZodError) return Response.json({ message: err.issues[0]?.message ?? "The request is not valid." }, { status: 400 });
  if (err instanceof DomainError) {
    const status = err.code === "forbidden" ? 403 : err.code === "not_found" ? 404 : err.code === "unauthorized" ? 401 : 400;
    return Response.json({ message: err.message }, { status });
  }
  logError("csv", "export failed", err);
  return Response.json({ message: "The export failed. Try again." }, { status: 500 });
}

export const today = () => new Date().toISOString().slice(0, 10);

/** A streamed JSON Lines download (one JSON object per line). */
export function jsonLinesResponse(stream: ReadableStream<Uint8Array>, filename: string): Response {
  return new Response(stream, {
    headers: {
      "content-type": "application/x-ndjson; charset=utf-8",
      "content-disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
