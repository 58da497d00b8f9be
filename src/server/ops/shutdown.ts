import type { ChildProcess } from "node:child_process";
import type { Server } from "node:http";
import type { Logger } from "pino";
import { db } from "../db";
import { closeBulkReadPool } from "../db/bulk-read-pool";
import { closeDriverPool } from "../db/driver-pool";
import { stopJobRunner } from "../services/work/start";
import { stopWhatsApp } from "../whatsapp/start";
import { trackResponses } from "./http-drain";

export interface ShutdownParts {
  server: Server;
  log: Logger;
  /** Stopped first, in order (timers, metrics): none of them holds work that must finish. */
  stoppers: Array<() => void>;
  sandbox: ChildProcess | null;
  /** How long open requests may take to finish before their connections are cut. Default 5 s. */
  drainMs?: number;
  /** The whole stop is given up (exit 1) after this. Default 20 s; keep it under the orchestrator's grace period. */
  forceAfterMs?: number;
}

/**
 * SIGTERM / SIGINT: stop accepting, let ordinary requests finish (a send in flight gets its row to sent or failed),
 * cut event streams, let the runner's in-flight items finish, close WhatsApp sockets without logging out, close the
 * pool, exit 0. Work cut off anyway (the force timer) is recovered from its row at the next start.
 */
export function installShutdown(parts: ShutdownParts): void {
  const { server, log } = parts;
  const responses = trackResponses(server);
  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    const force = setTimeout(() => {
      log.error("shutdown took too long; exiting");
      process.exit(1);
    }, parts.forceAfterMs ?? 20_000);
    force.unref();
    server.close();
    server.closeIdleConnections();
    const unfinished = await responses.drain(parts.drainMs ?? 5000);
    if (unfinished) log.warn({ unfinished }, "requests still open at shutdown were cut");
    server.closeAllConnections();
    for (const stop of parts.stoppers) stop();
    // In-flight sends finish before the sockets close; anything cut off is recovered from its row at the next start.
    await stopJobRunner().catch((error: unknown) => log.error({ err: error }, "stopping the work runner failed"));
    // Sockets end without logging out: devices stay paired and are restored at the next start.
    await stopWhatsApp().catch((error: unknown) => log.error({ err: error }, "stopping WhatsApp failed"));
    parts.sandbox?.kill("SIGTERM");
    await closeBulkReadPool().catch(() => undefined);
    await closeDriverPool().catch(() => undefined);
    await db().$disconnect().catch(() => undefined);
    log.info("stopped");
    log.flush?.();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}
