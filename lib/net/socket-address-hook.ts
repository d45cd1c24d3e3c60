import http from "node:http";
import { SOCKET_ADDRESS_HEADER } from "@/lib/client-address";

let installed = false;

/**
 * Stamps every incoming request with the address of its TCP connection (SOCKET_ADDRESS_HEADER),
 * deleting whatever the client sent under that name first, so lib/client-address.ts can trust it.
 * Patches http.Server's `emit` for "request": installed once per process, before requests arrive.
 */
export function installSocketAddressHook(): void {
  if (installed) return;
  installed = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function patchedEmit(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      delete req.headers[SOCKET_ADDRESS_HEADER];
      const address = req.socket?.remoteAddress;
      if (address) req.headers[SOCKET_ADDRESS_HEADER] = address.replace(/^::ffff:/, "");
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
}
