import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Switchboard's webhook signature, as Stripe does it: `X-Switchboard-Signature: t=<unix seconds>,v1=<hex>` where the
 * hex is HMAC-SHA256(secret, `${t}.${rawBody}`). Receivers may copy `verifyWebhookSignature` as it is (Node only,
 * no dependencies); verify the raw bytes received, before any JSON parsing.
 */
export const SIGNATURE_HEADER = "x-switchboard-signature";
export const EVENT_ID_HEADER = "x-switchboard-event-id";

export function signWebhook(secret: string, body: string, timestamp: number): string {
  const mac = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  return `t=${timestamp},v1=${mac}`;
}

/**
 * True when `header` carries a v1 signature of `body` under `secret`, made within `toleranceSec` of `nowSec`
 * (an old captured request cannot be replayed later). Compares in constant time.
 */
export function verifyWebhookSignature(
  secret: string,
  body: string,
  header: string | null | undefined,
  opts: { toleranceSec?: number; nowSec?: number } = {},
): boolean {
  if (!header) return false;
  const parts = header.split(",").map((p) => p.trim().split("="));
  const t = Number(parts.find(([k]) => k === "t")?.[1]);
  const signatures = parts.filter(([k, v]) => k === "v1" && v).map(([, v]) => v!);
  if (!Number.isInteger(t) || signatures.length === 0) return false;
  const now = opts.nowSec ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - t) > (opts.toleranceSec ?? 300)) return false;
  const expected = Buffer.from(createHmac("sha256", secret).update(`${t}.${body}`).digest("hex"));
  return signatures.some((s) => {
    const given = Buffer.from(s);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
