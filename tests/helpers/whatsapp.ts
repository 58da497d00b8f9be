import type { UserFacingSocketConfig } from "baileys";
import { installSandboxRoot, sandboxMediaRequestOptions, sandboxSocketConfig, startSandbox, type StartedSandbox } from "../../src/sandbox";
import type { ReceiptBehaviour } from "../../src/sandbox";
import { eventBus } from "../../src/server/events/bus";
import type { AppEvent, AppEventMap, AppEventName } from "../../src/server/events/types";
import type { BackoffPolicy } from "../../src/server/whatsapp/backoff";
import { ConnectionManager } from "../../src/server/whatsapp/manager";
import { installConnectionManager } from "../../src/server/whatsapp/registry";
import { ensureSignatureVerification } from "../../src/server/whatsapp/signature-verification";
import { installInbound } from "../../src/server/services/inbound/install-inbound";
import type { Caller } from "./actors";

// Inbound traffic of every manager a test starts (startTestManager or startWhatsApp) goes to the real handlers.
installInbound();

export type EventOf<K extends AppEventName> = Extract<AppEvent, { name: K }>;

/** Fast backoff for tests: the first reconnect comes after ~50 ms. */
export const TEST_BACKOFF: Partial<BackoffPolicy> = { baseMs: 50, maxMs: 400, jitter: 0.3, maxAttempts: 5 };

/**
 * An in-process sandbox trusted by Baileys (with strict signature checks, as in production). Ephemeral unless the
 * test opts in with `stateFile` (and `port`, to come back where the app's sockets look for it after a restart).
 */
export async function startTestSandbox(
  opts: { receipts?: ReceiptBehaviour; stateFile?: string; port?: number; unknownNumbers?: "create" | "absent" } = {},
): Promise<StartedSandbox> {
  ensureSignatureVerification();
  const sandbox = await startSandbox({
    receipts: opts.receipts ?? { mode: "read", delayMs: 200 },
    unknownNumbers: opts.unknownNumbers,
    ...(opts.stateFile !== undefined ? { stateFile: opts.stateFile } : {}),
    ...(opts.port !== undefined ? { port: opts.port } : {}),
  });
  installSandboxRoot(sandbox.rootPublicKey);
  return sandbox;
}

/** A fresh ConnectionManager pointed at `sandbox`, installed as the process's manager (what the routers use). */
export function startTestManager(
  sandbox: StartedSandbox,
  opts: { backoff?: Partial<BackoffPolicy>; socket?: Partial<UserFacingSocketConfig> } = {},
): ConnectionManager {
  const config = { ...sandboxSocketConfig(sandbox.wsUrl, sandbox.mediaCertPem), ...opts.socket };
  const manager = new ConnectionManager({
    socketConfig: () => config,
    mediaRequestOptions: sandboxMediaRequestOptions(sandbox.mediaCertPem),
    backoff: { ...TEST_BACKOFF, ...opts.backoff },
    restoreSettleMs: 20_000,
    pairingTimeoutMs: 20_000,
  });
  installConnectionManager(manager);
  return manager;
}

/** Ends every socket of `manager` (without logging out) and uninstalls it. */
export async function stopTestManager(manager: ConnectionManager | undefined): Promise<void> {
  if (!manager) return;
  installConnectionManager(null);
  await manager.shutdown();
}

/**
 * Resolves with the first event named `name` that matches `predicate`, looking first at events published after
 * `since` (an event id taken before the action, so nothing is missed), then at live ones. Never sleeps.
 */
export function waitForEvent<K extends AppEventName>(
  name: K,
  predicate: (data: AppEventMap[K], event: EventOf<K>) => boolean = () => true,
  opts: { since?: number; timeoutMs?: number } = {},
): Promise<EventOf<K>> {
  const bus = eventBus();
  const abort = new AbortController();
  // Subscribe before reading the backlog, so an event published in between is not lost.
  const live = bus.stream(abort.signal);
  const matches = (event: AppEvent): event is EventOf<K> => event.name === name && predicate(event.data as AppEventMap[K], event as EventOf<K>);
  const timeoutMs = opts.timeoutMs ?? 30_000;
  return new Promise<EventOf<K>>((resolve, reject) => {
    const timer = setTimeout(() => {
      abort.abort();
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${name}`));
    }, timeoutMs);
    const done = (event: EventOf<K>) => {
      clearTimeout(timer);
      abort.abort();
      resolve(event);
    };
    const backlog = opts.since === undefined ? [] : bus.replay(opts.since);
    const found = backlog.find(matches);
    if (found) return done(found);
    void (async () => {
      for await (const event of live) {
        if (matches(event)) return done(event);
      }
    })().catch((error: unknown) => {
      clearTimeout(timer);
      reject(error instanceof Error ? error : new Error(String(error)));
    });
  });
}

/** Events published after `since`, optionally for one device only. */
export function eventsSince(since: number, deviceId?: string): AppEvent[] {
  return eventBus()
    .replay(since)
    .filter((e) => deviceId === undefined || ("deviceId" in e.data && e.data.deviceId === deviceId));
}

/** The sequence of device.status values published for `deviceId` after `since`. */
export function statusTrail(since: number, deviceId: string): string[] {
  return eventsSince(since, deviceId)
    .filter((e): e is EventOf<"device.status"> => e.name === "device.status")
    .map((e) => e.data.status);
}

export function waitForStatus(deviceId: string, status: AppEventMap["device.status"]["status"], since: number, timeoutMs?: number) {
  return waitForEvent("device.status", (d) => d.deviceId === deviceId && d.status === status, { since, timeoutMs });
}

/**
 * Links `deviceId` through the real flow: `caller` connects it, the sandbox phone `phone` scans the QR that
 * arrives as an event, and the device reports `connected`.
 */
export async function pairByQr(sandbox: StartedSandbox, caller: Caller, deviceId: string, phone: string): Promise<void> {
  if (!sandbox.account(phone)) sandbox.createAccount({ phone, name: `Phone ${phone.slice(-4)}` });
  const since = eventBus().lastId;
  await caller.device.connect({ deviceId });
  const qr = await waitForEvent("device.qr", (d) => d.deviceId === deviceId, { since });
  await sandbox.scanQR(qr.data.qr, phone);
  await waitForStatus(deviceId, "connected", since);
}

let phoneSeq = 0;
const phoneBase = 1000 + Math.floor(Math.random() * 9000);

/** A fresh Indonesian mobile number (digits, no "+") for a sandbox account; sandbox accounts outlive a test. */
export function uniquePhone(): string {
  phoneSeq += 1;
  return `62812${phoneBase}${String(phoneSeq).padStart(4, "0")}`;
}
