import { env } from "@/env";
import { clientIp } from "@/server/security/client-ip";
import { metricsAccess } from "@/server/metrics/access";
import { appMetrics } from "@/server/metrics/registry";

export const dynamic = "force-dynamic";

/** Prometheus scrape endpoint; 404 unless METRICS_TOKEN or METRICS_ALLOW_IPS is set. */
export async function GET(request: Request) {
  const config = env();
  const access = metricsAccess(
    { token: config.METRICS_TOKEN, allowIps: config.METRICS_ALLOW_IPS },
    { authorization: request.headers.get("authorization"), ip: clientIp(request.headers) },
  );
  if (access === "disabled") return new Response("Not found", { status: 404 });
  if (access === "unauthorized") return new Response("Unauthorized", { status: 401, headers: { "www-authenticate": 'Bearer realm="metrics"' } });
  if (access === "forbidden") return new Response("Forbidden", { status: 403 });
  const { registry } = appMetrics();
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType, "cache-control": "no-store" } });
}
