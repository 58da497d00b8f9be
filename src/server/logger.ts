import { mkdirSync } from "node:fs";
import path from "node:path";
import pino, { type Logger } from "pino";
import { env } from "@/env";
import { globalSingleton } from "./global-singleton";

function createLogger(): Logger {
  const { LOG_LEVEL, LOG_DIR } = env();
  if (!LOG_DIR) return pino({ level: LOG_LEVEL, base: { app: "switchboard" } });
  mkdirSync(LOG_DIR, { recursive: true });
  // Keeps the seed's combined + error files next to stdout JSON; rotation is left to the host (logrotate copytruncate).
  const streams = pino.multistream([
    { level: LOG_LEVEL === "silent" ? "fatal" : LOG_LEVEL, stream: process.stdout },
    { level: "info", stream: pino.destination({ dest: path.join(LOG_DIR, "combined.log"), mkdir: true, sync: false }) },
    { level: "error", stream: pino.destination({ dest: path.join(LOG_DIR, "error.log"), mkdir: true, sync: false }) },
  ]);
  return pino({ level: LOG_LEVEL, base: { app: "switchboard" } }, streams);
}

export function logger(): Logger {
  return globalSingleton("logger", createLogger);
}
