import ipaddr from "ipaddr.js";

/**
 * Which hosts the app treats as private: the one rule for webhook endpoints (the server connects
 * to them) and partner logos (browsers load them: a logo on an internal host would make every
 * viewer's browser probe the internal network). No Node APIs, so forms use it in the browser too.
 */

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

const PRIVATE_NAMES = new Set(["localhost", "metadata", "metadata.google.internal", "instance-data"]);

/**
 * True for a URL's hostname that names a private place: localhost (and *.localhost), cloud metadata
 * names, and any IP literal that is not public unicast (127.0.0.1, [::1], 10/8, 192.168/16,
 * 169.254.169.254, …). A DNS name is not resolved here: the server never fetches logos, and
 * webhooks check every resolved address when they connect.
 */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").replace(/\.$/, "").toLowerCase();
  if (PRIVATE_NAMES.has(host) || host.endsWith(".localhost")) return true;
  return ipaddr.isValid(host) && isPrivateAddress(host);
}
