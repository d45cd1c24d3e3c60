import { createServer, type Server } from "node:http";
import { Webhook } from "standardwebhooks";

export interface Received {
  id: string;
  type: string;
  resourceId: string;
  body: Record<string, unknown>;
}

/**
 * A webhook receiver on loopback that verifies every delivery with the `standardwebhooks`
 * library, as an integration would, and keeps the verified ones. `status` decides the answer.
 */
export function webhookReceiver(port: number, secrets: () => string[]) {
  const received: Received[] = [];
  const rejected: string[] = [];
  let status = 200;
  let delayMs = 0;
  let server: Server | undefined;
  const start = () =>
    new Promise<void>((resolve) => {
      server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on("data", (c: Buffer) => chunks.push(c));
        req.on("end", async () => {
          const payload = Buffer.concat(chunks).toString("utf8");
          const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
          const verified = secrets().some((s) => {
            try {
              new Webhook(s).verify(payload, headers);
              return true;
            } catch {
              return false;
            }
          });
          if (!verified) {
            rejected.push(payload);
            res.writeHead(401).end("bad signature");
            return;
          }
          if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
          if (status >= 200 && status < 300) {
            const body = JSON.parse(payload) as { id: string; type: string; data: { id: string } };
            received.push({ id: body.id, type: body.type, resourceId: body.data.id, body });
          }
          res.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : "not now");
        });
      });
      server.listen(port, "127.0.0.1", () => resolve());
    });
  const stop = () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    rejected,
    start,
    stop,
    answer: (s: number) => (status = s),
    delay: (ms: number) => (delayMs = ms),
  };
}
