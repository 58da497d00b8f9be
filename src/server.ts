import { createServer, type IncomingMessage } from "node:http";
import path from "node:path";
import next from "next";
import { loadDotEnv } from "./server/dotenv";

const startedAt = performance.now();
const rootDir = process.cwd();
loadDotEnv(rootDir);

// Imported after .env is loaded: these read the environment when first used.
const { env } = await import("./env");
const { logger } = await import("./server/logger");
const { migrate } = await import("./server/db/migrate");
const { eventBus } = await import("./server/events/bus");
const { db } = await import("./server/db");
const { ensureSandboxProcess } = await import("./server/sandbox-process");
const { consume, rateLimiters } = await import("./server/security/rate-limit");
const { startWhatsApp, stopWhatsApp } = await import("./server/whatsapp/start");
const { startJobRunner, stopJobRunner } = await import("./server/jobs/start");
const { startMediaSweeper } = await import("./server/services/media/media-sweeper");
const { statisticsConsumer } = await import("./server/services/statistics/statistics-consumer");

const config = env();
const log = logger();
const dev = config.NODE_ENV !== "production";

if (config.AUTO_MIGRATE) {
  const result = await migrate(config.DATABASE_URL, path.join(rootDir, "prisma/migrations"));
  if (result.applied.length) log.info({ applied: result.applied }, "migrations applied");
}

// Long-lived services exist before Next loads its bundle, which then finds them on globalThis.
eventBus();
// Counts from the bus, so it listens before WhatsApp restores devices and messages start to arrive.
const statistics = statisticsConsumer(log);
const sandbox = config.WA_MODE === "sandbox" ? await ensureSandboxProcess(config.WA_SANDBOX_URL, rootDir, log) : null;
await startWhatsApp();
startJobRunner();
const stopMediaSweeper = startMediaSweeper(log);

const app = next({ dev, dir: rootDir, hostname: config.HOST, port: config.PORT });
await app.prepare();
const handle = app.getRequestHandler();

const trustProxy = process.env.TRUST_PROXY === "true";
function normaliseClientIp(req: IncomingMessage): string {
  // Without a trusted proxy in front, a client could claim any address in X-Forwarded-For and dodge rate limits.
  if (!trustProxy || !req.headers["x-forwarded-for"]) req.headers["x-forwarded-for"] = req.socket.remoteAddress ?? "unknown";
  const ip = String(req.headers["x-forwarded-for"]).split(",")[0]!.trim();
  return ip;
}

const server = createServer((req, res) => {
  const ip = normaliseClientIp(req);
  if (req.url?.startsWith("/api/") && !req.url.startsWith("/api/health")) {
    consume(rateLimiters().api, `ip:${ip}`, "requests")
      .then(() => handle(req, res))
      .catch((error: unknown) => {
        res.statusCode = 429;
        res.setHeader("content-type", "application/json");
        res.setHeader("retry-after", String(config.RATE_LIMIT_API_WINDOW_SEC));
        res.end(JSON.stringify({ error: error instanceof Error ? error.message : "Too many requests" }));
      });
    return;
  }
  void handle(req, res);
});

server.listen(config.PORT, config.HOST, () => {
  log.info(
    { url: `http://${config.HOST}:${config.PORT}`, mode: dev ? "development" : "production", wa: config.WA_MODE, readyMs: Math.round(performance.now() - startedAt) },
    "Switchboard ready",
  );
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "shutting down");
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  server.close();
  server.closeAllConnections();
  stopMediaSweeper();
  // In-flight sends finish before the sockets close; anything cut off is recovered from its row at the next start.
  await stopJobRunner().catch((error: unknown) => log.error({ err: error }, "stopping the work runner failed"));
  // Sockets end without logging out: devices stay paired and are restored at the next start.
  await stopWhatsApp().catch((error: unknown) => log.error({ err: error }, "stopping WhatsApp failed"));
  await statistics.stop().catch((error: unknown) => log.error({ err: error }, "stopping the statistics consumer failed"));
  sandbox?.kill("SIGTERM");
  await db().$disconnect().catch(() => undefined);
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
