import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";

export { isPrivateAddress, isPrivateHost } from "./private-host";
import { isPrivateAddress } from "./private-host";

export class PrivateAddressError extends Error {
  readonly code = "EPRIVATEADDRESS";
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http(s).request / net.connect that refuses a host resolving to any private
 * address. It runs when the socket connects, on the addresses actually used, so a DNS answer that
 * changes between a check and the connection (DNS rebinding) cannot get around it.
 */
export function publicOnlyLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    const list = addresses as LookupAddress[];
    const bad = list.find((a) => isPrivateAddress(a.address));
    if (bad || !list.length) {
      return callback(new PrivateAddressError(`${hostname} resolves to a private address (${bad?.address ?? "none"}); refused`), []);
    }
    if (options.all) return callback(null, list);
    callback(null, list[0]!.address, list[0]!.family);
  });
}
