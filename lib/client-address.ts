/**
 * The caller's address, for per-address limits: the one place it is decided.
 *
 * - TRUSTED_PROXY_COUNT=0 (the default): the address of the TCP connection. Nothing the client
 *   sends changes it: X-Forwarded-For and X-Real-IP are ignored.
 * - TRUSTED_PROXY_COUNT=N: the app runs behind N reverse proxies, each appending the address it
 *   saw to X-Forwarded-For; the Nth entry from the right is the one the outermost trusted proxy
 *   wrote, i.e. the client's. Entries further left are whatever the client sent and never count.
 *
 * Next does not hand route handlers or actions the socket, so a hook on the HTTP server
 * (lib/net/socket-address-hook.ts, installed from instrumentation.ts) stamps it on every request
 * as SOCKET_ADDRESS_HEADER, after deleting any copy the client sent.
 */
export const SOCKET_ADDRESS_HEADER = "x-pm-socket-address";

type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

export function trustedProxyCount(): number {
  const n = Number(process.env.TRUSTED_PROXY_COUNT ?? 0);
  return Number.isInteger(n) && n >= 0 ? n : 0;
}

export function clientAddress(headers: HeaderSource): string {
  const get = (name: string) => (headers instanceof Headers ? headers.get(name) : [headers?.[name]].flat()[0] ?? null);
  const socket = get(SOCKET_ADDRESS_HEADER) || "unknown";
  const proxies = trustedProxyCount();
  if (proxies === 0) return socket;
  const forwarded = (get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  // Fewer entries than trusted proxies: the request did not come through them all; use the peer.
  return forwarded.length >= proxies ? forwarded[forwarded.length - proxies]! : socket;
}
