import { setTimeout as delay } from "node:timers/promises";
import type { Logger } from "pino";
import { env } from "@/env";
import { logger } from "../logger";
import { authCipher } from "./auth-state-crypto";
import { ConnectionManager, type ConnectionManagerOptions } from "./manager";
import { findConnectionManager, installConnectionManager } from "./registry";
import { trackRestore } from "./restore-state";
import type { MediaRequestOptions } from "./media-download";
import { ensureSignatureVerification } from "./signature-verification";
import { liveSocketConfig, type SocketConfigProvider } from "./socket-config";

export interface StartWhatsAppOptions {
  log?: Logger;
  /** How long to wait for the sandbox process to answer /control/info (sandbox mode). Default 15 s. */
  sandboxTimeoutMs?: number;
  /** Resolve only after every device was restored. Default false: restoring runs in the background. */
  waitForRestore?: boolean;
  manager?: Omit<ConnectionManagerOptions, "socketConfig" | "log">;
}

interface WhatsAppTransport {
  socketConfig: SocketConfigProvider;
  mediaRequestOptions?: MediaRequestOptions;
}

/** Asks the sandbox process for its socket URL, noise root and media certificate, retrying while it starts up. */
async function sandboxTransport(baseUrl: string, timeoutMs: number, log: Logger): Promise<WhatsAppTransport> {
  // Loaded only in sandbox mode: live mode never imports the sandbox, let alone trusts its root or certificate.
  const [{ createSandboxControlClient }, { installSandboxRoot }, { sandboxSocketConfig, sandboxMediaRequestOptions }] = await Promise.all([
    import("@/sandbox/control-client"),
    import("@/sandbox/root-trust"),
    import("@/sandbox/config"),
  ]);
  const token = process.env.SANDBOX_CONTROL_TOKEN || undefined;
  const client = createSandboxControlClient(baseUrl, token ? { token } : {});
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const info = await client.info();
      const root = Buffer.from(info.rootPublicKey, "base64");
      installSandboxRoot(root);
      log.info({ wsUrl: info.wsUrl }, "WhatsApp sandbox mode");
      // The media certificate is trusted by these sockets and downloads only, never process-wide.
      const config = sandboxSocketConfig(info.wsUrl, info.mediaCertPem);
      return { socketConfig: () => config, mediaRequestOptions: sandboxMediaRequestOptions(info.mediaCertPem) };
    } catch (error) {
      if (Date.now() >= deadline) {
        throw new Error(`The WhatsApp sandbox at ${baseUrl} did not answer within ${timeoutMs} ms: ${error instanceof Error ? error.message : String(error)}`);
      }
      await delay(250);
    }
  }
}

/**
 * Starts WhatsApp for this process: fixes Baileys' signature check, points sockets at live WhatsApp or the
 * sandbox (WA_MODE), installs the ConnectionManager on globalThis and restores every device with autoConnect.
 * Calling it again returns the running manager.
 */
let starting: Promise<ConnectionManager> | undefined;

export function startWhatsApp(opts: StartWhatsAppOptions = {}): Promise<ConnectionManager> {
  const running = findConnectionManager();
  if (running) return Promise.resolve(running);
  // Two overlapping calls (e.g. a dev reload during start) must not create two managers.
  starting ??= start(opts).finally(() => {
    starting = undefined;
  });
  return starting;
}

async function start(opts: StartWhatsAppOptions): Promise<ConnectionManager> {
  const config = env();
  const baseLog = opts.log ?? logger();
  const log = baseLog.child({ component: "whatsapp" });
  // A malformed WA_AUTH_KEY stops the start here, not at the first device that tries to read its session.
  authCipher();
  const { wasBroken } = ensureSignatureVerification();
  if (wasBroken) log.info("Baileys signature verification patched");
  const transport: WhatsAppTransport =
    config.WA_MODE === "sandbox"
      ? await sandboxTransport(config.WA_SANDBOX_URL, opts.sandboxTimeoutMs ?? 15_000, log)
      : { socketConfig: liveSocketConfig };
  const manager = new ConnectionManager({ ...opts.manager, ...transport, log: baseLog });
  installConnectionManager(manager);
  const restoring = trackRestore(manager.restoreAll()).catch((error: unknown) => {
    log.error({ err: error }, "restoring devices failed");
  });
  if (opts.waitForRestore) await restoring;
  return manager;
}

/** Ends every socket without logging out (devices stay paired and are restored at the next start). */
export async function stopWhatsApp(): Promise<void> {
  const manager = findConnectionManager();
  if (!manager) return;
  installConnectionManager(null);
  await manager.shutdown();
}
