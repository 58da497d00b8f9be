import { db } from "@/server/db";
import { withUnexpectedErrors } from "@/server/unexpected-error";

export const dynamic = "force-dynamic";

const startedAt = Date.now();

/** Liveness and readiness in one: 200 when the database answers, 503 otherwise. */
export const GET = withUnexpectedErrors("health", async () => {
  let database: "ok" | "unreachable" = "ok";
  let connectedDevices = 0;
  try {
    connectedDevices = await db().device.count({ where: { status: "connected" } });
  } catch {
    database = "unreachable";
  }
  const status = database === "ok" ? "ok" : "degraded";
  return Response.json(
    { status, database, connectedDevices, uptimeSec: Math.round(process.uptime()), startedAt: new Date(startedAt).toISOString() },
    { status: status === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
});
