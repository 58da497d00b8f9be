import { timingSafeEqual, createHash } from "node:crypto";
import { BlockList, isIP } from "node:net";

export interface MetricsAccessConfig {
  /** Bearer token scrapers send (`Authorization: Bearer …`). */
  token?: string;
  /** Addresses and CIDR ranges allowed without a token, e.g. "10.0.0.0/8,127.0.0.1". */
  allowIps?: string;
}

export type MetricsAccess = "allowed" | "disabled" | "unauthorized" | "forbidden";

/** Parses METRICS_ALLOW_IPS; throws on an entry that is neither an address nor a CIDR range. */
export function parseAllowList(value: string | undefined): BlockList | null {
  const entries = (value ?? "").split(",").map((e) => e.trim()).filter(Boolean);
  if (entries.length === 0) return null;
  const list = new BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.split("/");
    const family = isIP(address ?? "");
    if (!family || (prefix !== undefined && !/^\d{1,3}$/.test(prefix))) throw new Error(`METRICS_ALLOW_IPS: "${entry}" is not an IP address or CIDR range`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) list.addAddress(address!, type);
    else list.addSubnet(address!, Number(prefix), type);
  }
  return list;
}

function sameSecret(given: string, expected: string): boolean {
  // Hashing first gives equal lengths, so the comparison time says nothing about the token.
  return timingSafeEqual(createHash("sha256").update(given).digest(), createHash("sha256").update(expected).digest());
}

/**
 * /metrics is off unless a token or an allow-list is configured. With both, either one admits a scraper.
 * `ip` is the client address as the custom server established it (TRUST_PROXY decides whether X-Forwarded-For counts).
 */
export function metricsAccess(config: MetricsAccessConfig, request: { authorization: string | null; ip: string }): MetricsAccess {
  const allowList = parseAllowList(config.allowIps);
  if (!config.token && !allowList) return "disabled";
  if (allowList) {
    const ip = request.ip.startsWith("::ffff:") && isIP(request.ip.slice(7)) === 4 ? request.ip.slice(7) : request.ip;
    const family = isIP(ip);
    if (family && allowList.check(ip, family === 4 ? "ipv4" : "ipv6")) return "allowed";
  }
  if (config.token) {
    const match = /^Bearer\s+(.+)$/i.exec(request.authorization ?? "");
    if (match && sameSecret(match[1]!.trim(), config.token)) return "allowed";
    return "unauthorized";
  }
  return "forbidden";
}
