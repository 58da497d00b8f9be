import { readiness } from "@/server/ops/readiness";

export const dynamic = "force-dynamic";

/** Readiness for load balancers and orchestrators: 200 once migrations are applied and devices restored, else 503. */
export async function GET() {
  const result = await readiness();
  return Response.json(result, { status: result.ready ? 200 : 503, headers: { "cache-control": "no-store" } });
}
