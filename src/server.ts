import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import next from "next";
import { loadDotEnv } from "./server/dotenv";
import { installKeySafeConsole } from "./server/security/quiet-libsignal-console";

// Before anything loads Baileys: libsignal prints session objects (private keys included) through console.*.
installKeySafeConsole();

const startedAt = performance.now();
const rootDir = process.cwd();
loadDotEnv(rootDir);

// Imported after .env is loaded: these read the environment when first used.
const { env } = await import("./env");
const { logger } = await import("./server/logger");
const { migrate } = await import("./server/db/migrate");
const { eventBus } = await import("./server/events/bus");
const { ensureSandboxProcess } = await import("./server/sandbox-process");
const { consume, rateLimiters } = await import("./server/security/rate-limit");
const { startWhatsApp } = await import("./server/whatsapp/start");
const { installInbound } = await import("./server/services/inbound/install-inbound");
const { startJobRunner } = await import("./server/services/work/start");
const { startMediaSweeper } = await import("./server/services/media/media-sweeper");
const { startHandoffSweeper } = await import("./server/services/bot/handoff-sweeper");
const { startMetrics } = await import("./server/metrics/start");
const { installShutdown } = await import("./server/ops/shutdown");
const { SECURITY_HEADERS } = await import("./server/security/security-headers");
const { genericErrorMessage, reportUnexpectedError } = await import("./server/unexpected-error");
const { isAppError } = await import("./server/errors");
const { createLiveSocketServer } = await import("./server/api/live-socket");
const { statisticsConsumer } = await import("./server/services/statistics/statistics-consumer");
const { webhookConsumer } = await import("./server/services/webhooks/webhook-consumer");

const config = env();
const log = logger();
const dev = config.NODE_ENV !== "production";

if (config.AUTO_MIGRATE) {
  const result = await migrate(config.DATABASE_URL, path.join(rootDir, "prisma/migrations"));
  if (result.applied.length) log.info({ applied: result.applied }, "migrations applied");
}

// Long-lived services exist before Next loads its bundle, which then finds them on globalThis.
eventBus();
const stopMetrics = startMetrics();
// Counts from the bus, so it listens before WhatsApp restores devices and messages start to arrive.
const statistics = statisticsConsumer(log);
const webhooks = webhookConsumer(log);
const sandbox = config.WA_MODE === "sandbox" ? await ensureSandboxProcess(config.WA_SANDBOX_URL, rootDir, log) : null;
installInbound();
await startWhatsApp();
startJobRunner();
const stopMediaSweeper = startMediaSweeper(log);
const stopHandoffSweeper = startHandoffSweeper(log);

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

/** Next answers everything it can; what escapes it is logged with an id and answered generically. */
function handleSafely(req: IncomingMessage, res: ServerResponse): void {
  handle(req, res).catch((error: unknown) => {
    const errorId = reportUnexpectedError(error, { url: req.url, method: req.method });
    if (res.headersSent) return void res.destroy();
    sendJson(res, 500, { error: genericErrorMessage(errorId), code: "INTERNAL_SERVER_ERROR", errorId });
  });
}

/** The custom server's own answers carry the same security headers as Next's. */
function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.statusCode = status;
  for (const { key, value } of SECURITY_HEADERS) res.setHeader(key, value);
  res.setHeader("content-security-policy", "default-src 'none'; frame-ancestors 'none'");
  res.setHeader("cache-control", "no-store");
  res.setHeader("content-type", "application/json");
  for (const [key, value] of Object.entries(headers)) res.setHeader(key, value);
  res.end(JSON.stringify(body));
}

const server = createServer((req, res) => {
  const ip = normaliseClientIp(req);
  if (req.url?.startsWith("/api/") && !req.url.startsWith("/api/health")) {
    consume(rateLimiters().api, `ip:${ip}`, "requests").then(
      () => handleSafely(req, res),
      (error: unknown) => {
        // consume() turns a spent limit into an AppError; anything else is a fault, answered like one.
        if (isAppError(error)) {
          sendJson(res, 429, { error: error.message, code: "TOO_MANY_REQUESTS" }, { "retry-after": String(config.RATE_LIMIT_API_WINDOW_SEC) });
        } else {
          const errorId = reportUnexpectedError(error, { url: req.url, method: req.method });
          sendJson(res, 500, { error: genericErrorMessage(errorId), code: "INTERNAL_SERVER_ERROR", errorId });
        }
      },
    );
    return;
  }
  handleSafely(req, res);
});

const liveSocket = createLiveSocketServer({ secret: config.NEXTAUTH_SECRET, publicUrl: config.NEXTAUTH_URL, log });
const nextUpgrade = app.getUpgradeHandler();
server.on("upgrade", (req, socket, head: Buffer) => {
  if (liveSocket.handleUpgrade(req, socket, head)) return;
  // Anything else (the dev server's hot reload) is Next's.
  void nextUpgrade(req, socket, head);
});

server.listen(config.PORT, config.HOST, () => {
  log.info(
    { url: `http://${config.HOST}:${config.PORT}`, mode: dev ? "development" : "production", wa: config.WA_MODE, readyMs: Math.round(performance.now() - startedAt) },
    "Switchboard ready",
  );
});

installShutdown({ server, log, sandbox, stoppers: [() => liveSocket.close(), stopMediaSweeper, stopHandoffSweeper, stopMetrics, () => void webhooks.stop().catch((error: unknown) => log.error({ err: error }, "stopping the webhook consumer failed")), () => void statistics.stop().catch((error: unknown) => log.error({ err: error }, "stopping the statistics consumer failed"))] });
