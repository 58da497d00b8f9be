import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP, type LookupFunction } from "node:net";

/** Destinations a webhook may not reach: they would let a user probe or hit services inside the server's network. */
const blocked = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  blocked.addSubnet(net, bits, "ipv4");
}
for (const [net, bits] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  blocked.addSubnet(net, bits, "ipv6");
}

/** Private, loopback, link-local, multicast or otherwise non-public (IPv4-mapped IPv6 is judged by its IPv4). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1]!, "ipv4");
  const family = isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family === 6) return blocked.check(address, "ipv6");
  return true;
}

export class DestinationRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DestinationRefusedError";
  }
}

/** The URL if it is one a webhook may use (http/https, no credentials in it), else a reason. */
export function parseWebhookUrl(raw: string): URL | string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "The URL is not valid";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "The URL must start with http:// or https://";
  if (url.username || url.password) return "The URL must not contain a user name or password";
  return url;
}

function resolveAll(hostname: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses)));
  });
}

/** Every address the name resolves to must be public (one private answer is enough to refuse). */
function assertAllPublic(hostname: string, addresses: LookupAddress[], allowPrivate: boolean): void {
  if (allowPrivate) return;
  const bad = addresses.find((a) => isPrivateAddress(a.address));
  if (bad) throw new DestinationRefusedError(`${hostname} resolves to a private or local address (${bad.address})`);
}

/** Refuses a host that resolves to a private, loopback or link-local address (checked when an endpoint is saved). */
export async function assertPublicDestination(url: URL, allowPrivate: boolean): Promise<void> {
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  assertAllPublic(host, await resolveAll(host), allowPrivate);
}

/**
 * A `lookup` for http.request that checks every resolved address at connection time and connects only to a checked
 * one: a DNS name re-pointed at an internal address after the endpoint was saved (rebinding) is still refused.
 */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    resolveAll(hostname).then(
      (addresses) => {
        try {
          assertAllPublic(hostname, addresses, allowPrivate);
        } catch (error) {
          return callback(error as NodeJS.ErrnoException, "", 0);
        }
        const wanted = options.family === 4 || options.family === 6 ? addresses.filter((a) => a.family === options.family) : addresses;
        if (wanted.length === 0) return callback(Object.assign(new Error(`${hostname} has no usable address`), { code: "ENOTFOUND" }), "", 0);
        if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, wanted);
        callback(null, wanted[0]!.address, wanted[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, "", 0),
    );
  };
}
