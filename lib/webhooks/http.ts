import "server-only";
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { isPrivateAddress, publicOnlyLookup } from "@/lib/net/private-address";

export interface PostResult {
  ok: boolean;
  status?: number;
  durationMs: number;
  /** The start of the response body, for the delivery log. */
  excerpt?: string;
  error?: string;
}

const TIMEOUT_MS = 10_000;
const MAX_BODY_BYTES = 16 * 1024;
const EXCERPT_CHARS = 500;

/**
 * POSTs a webhook: 10 s for the whole exchange, redirects not followed (a 3xx is a failure), at
 * most 16 KiB of the answer read, and, unless `allowPrivate`, only https and only to public
 * addresses, checked on the resolved address as the socket connects.
 */
export function postWebhook(url: string, body: string, headers: Record<string, string>, allowPrivate: boolean): Promise<PostResult> {
  const started = Date.now();
  const done = (r: Omit<PostResult, "durationMs">): PostResult => ({ ...r, durationMs: Date.now() - started });
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return Promise.resolve(done({ ok: false, error: "The endpoint URL is not valid." }));
  }
  if (target.protocol !== "https:" && !(allowPrivate && target.protocol === "http:")) {
    return Promise.resolve(done({ ok: false, error: "Only https endpoints receive webhooks." }));
  }
  const host = target.hostname.replace(/^\[|\]$/g, "");
  if (!allowPrivate && isIP(host) && isPrivateAddress(host)) {
    return Promise.resolve(done({ ok: false, error: `${host} is a private address; refused.` }));
  }
  const transport = target.protocol === "https:" ? https : http;
  return new Promise<PostResult>((resolve) => {
    let settled = false;
    const finish = (r: Omit<PostResult, "durationMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(done(r));
    };
    const req = transport.request(target, {
      method: "POST",
      agent: false,
      headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), "user-agent": "PartnerManagement-Webhooks/1.0", ...headers },
      ...(allowPrivate ? {} : { lookup: publicOnlyLookup as never }),
    });
    const timer = setTimeout(() => {
      req.destroy();
      finish({ ok: false, error: `No answer within ${TIMEOUT_MS / 1000} s.` });
    }, TIMEOUT_MS);
    req.on("error", (err) => finish({ ok: false, error: err.message }));
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const complete = () => {
        const excerpt = Buffer.concat(chunks).toString("utf8").slice(0, EXCERPT_CHARS);
        const status = res.statusCode ?? 0;
        finish({ ok: status >= 200 && status < 300, status, excerpt, error: status >= 300 && status < 400 ? "Redirects are not followed." : undefined });
      };
      res.on("data", (chunk: Buffer) => {
        if (size < MAX_BODY_BYTES) chunks.push(chunk.subarray(0, MAX_BODY_BYTES - size));
        size += chunk.length;
        // Enough read: the rest of a large answer is not waited for.
        if (size >= MAX_BODY_BYTES) {
          complete();
          res.destroy();
        }
      });
      res.on("end", complete);
      res.on("error", complete);
    });
    req.end(body);
  });
}
