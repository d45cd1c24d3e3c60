import "server-only";
import { Resolver } from "node:dns/promises";
import { config } from "@/lib/config";
import { logError } from "@/lib/log";

/** How long one DNS query may take, and how often it is sent before the lookup gives up. */
const TIMEOUT_MS = 5_000;
const TRIES = 2;

/** What a TXT lookup found: the records (each one's strings joined, RFC 7208 §3.3), or why none. */
export type TxtLookup = { ok: true; records: string[] } | { ok: false; reason: "not_found" | "unavailable" };

/**
 * The TXT records published at `name`. DNS_SERVERS ("host:port", comma-separated) names the
 * resolvers to ask; otherwise the system's. No record (NXDOMAIN, no TXT) and a DNS failure
 * (timeout, SERVFAIL) are told apart so the caller can say which.
 */
export async function lookupTxt(name: string): Promise<TxtLookup> {
  const resolver = new Resolver({ timeout: TIMEOUT_MS, tries: TRIES });
  try {
    const servers = config.dnsServers();
    // setServers throws on anything but IP addresses (with an optional port): a DNS failure then.
    if (servers.length > 0) resolver.setServers(servers);
    const records = await resolver.resolveTxt(name);
    return { ok: true, records: records.map((chunks) => chunks.join("")) };
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === "ENOTFOUND" || code === "ENODATA" || code === "ENONAME") return { ok: false, reason: "not_found" };
    if (!code || code === "ERR_INVALID_IP_ADDRESS") logError("dns", "DNS_SERVERS is not a list of IP addresses", err);
    return { ok: false, reason: "unavailable" };
  } finally {
    resolver.cancel();
  }
}
