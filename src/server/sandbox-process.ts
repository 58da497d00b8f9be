import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import type { Logger } from "pino";

async function answers(baseUrl: string): Promise<boolean> {
  const token = process.env.SANDBOX_CONTROL_TOKEN;
  try {
    const res = await fetch(new URL("/control/info", baseUrl), {
      signal: AbortSignal.timeout(1000),
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return res.ok;
  } catch {
    return false;
  }
}

/**
 * In sandbox mode the WhatsApp sandbox runs as its own process (so the demo looks like production: sockets leave the
 * app process). If nothing answers at WA_SANDBOX_URL we start it ourselves and stop it on shutdown.
 */
export async function ensureSandboxProcess(baseUrl: string, rootDir: string, log: Logger): Promise<ChildProcess | null> {
  if (await answers(baseUrl)) return null;
  const url = new URL(baseUrl);
  const compiled = path.join(rootDir, "dist/sandbox.mjs");
  const args = existsSync(compiled) ? [compiled] : ["--import", "tsx", path.join(rootDir, "src/sandbox/main.ts")];
  const child = spawn(process.execPath, args, {
    cwd: rootDir,
    env: { ...process.env, SANDBOX_HOST: url.hostname, SANDBOX_PORT: url.port || "80" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  child.on("exit", (code, signal) => log.warn({ code, signal }, "sandbox process exited"));
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The WhatsApp sandbox process exited with code ${child.exitCode}`);
    if (await answers(baseUrl)) {
      log.info({ url: baseUrl, pid: child.pid }, "WhatsApp sandbox process started");
      return child;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill("SIGTERM");
  throw new Error(`The WhatsApp sandbox did not answer at ${baseUrl} within 15 s`);
}
