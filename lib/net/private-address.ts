import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import ipaddr from "ipaddr.js";

/** Cloud metadata services that sit on ordinary-looking addresses, refused even so. */
const METADATA = new Set(["100.100.100.200", "192.0.0.192"]);

/**
 * True unless `address` is a public unicast IP: loopback, private (RFC 1918, unique local),
 * link-local (and so 169.254.169.254, the cloud metadata service), carrier-grade NAT,
 * unspecified, multicast, reserved, documentation, NAT64 and 6to4/Teredo (which embed an IPv4
 * address) all count as private, and so does anything that does not parse.
 * An IPv4-mapped IPv6 address (::ffff:127.0.0.1) is judged as the IPv4 address it carries.
 */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  if (!ipaddr.isValid(bare)) return true;
  let ip = ipaddr.parse(bare);
  if (ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  if (METADATA.has(ip.toString())) return true;
  return ip.range() !== "unicast";
}

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
