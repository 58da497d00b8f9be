/**
 * The app's text-send pipeline against raw Baileys, in one run against one sandbox (SPEC §8: app ≥ 0.8 × raw).
 *   npx tsx bench/app-send-pipeline.ts [messages=300] [concurrency=20]
 * App path: tRPC caller → message.sendText (zod, auth, daily-limit check, MySQL insert, Baileys send, MySQL update)
 * and the delivery receipt coming back through inbound → MySQL → the event bus. Raw path: Baileys sendMessage and its
 * delivery receipt frame. Both phases: "paced" (next send after the previous delivery) and "burst" (N sends with
 * `concurrency` in flight). Uses its own database (switchboard_bench_send), recreated each run. Pacing is off.
 *
 * A third path, "durable floor", is raw Baileys plus only the two writes no durable send can skip: the pending row
 * committed before the send (else a crash loses it or sends it twice) and the delivered status committed before it is
 * published (else a crash moves it backwards), on the app's driver pool. No validation, no account check, no Signal
 * session saved: it bounds from above what any app that stores what it sends can reach against raw on this machine.
 */
import { generateMessageIDV2, type BinaryNode } from "baileys";

const messages = Number(process.argv[2] ?? 300);
const concurrency = Number(process.argv[3] ?? 20);
const { freshBenchDatabase } = await import("./support/bench-database");
await freshBenchDatabase("mysql://root@127.0.0.1:3306/switchboard_bench_send");

const { db } = await import("../src/server/db");
const { eventBus } = await import("../src/server/events/bus");
const { createCaller } = await import("../src/server/api/root");
const { createContext } = await import("../src/server/api/context");
const { installSandboxRoot, sandboxSocketConfig, startSandbox } = await import("../src/sandbox/index");
const { SandboxBaileysClient } = await import("../src/sandbox/testing/baileys-client");
const { ConnectionManager } = await import("../src/server/whatsapp/manager");
const { installInbound } = await import("../src/server/services/inbound/install-inbound");
const { installConnectionManager } = await import("../src/server/whatsapp/registry");
const { ensureSignatureVerification } = await import("../src/server/whatsapp/signature-verification");

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return +(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN).toFixed(1);
};
const stats = (values: number[]) => ({ p50: percentile(values, 50), p95: percentile(values, 95), p99: percentile(values, 99) });

ensureSignatureVerification();
const sandbox = await startSandbox({ receipts: { mode: "delivered", delayMs: 0 } });
installSandboxRoot(sandbox.rootPublicKey);
const contacts = Array.from({ length: 5 }, (_, i) => sandbox.createAccount({ phone: `1555030${String(i + 1).padStart(4, "0")}` }));

const contactAt = (i: number) => contacts[((i % contacts.length) + contacts.length) % contacts.length]!;

// --- the app: a user, a device paired through the real flow, a tRPC caller as that user
installInbound();
const manager = new ConnectionManager({ socketConfig: () => sandboxSocketConfig(sandbox.wsUrl) });
installConnectionManager(manager);
const user = await db().user.create({
  data: { username: "bench", email: "bench@example.test", passwordHash: "x", role: "admin", dailyMessageLimit: 1_000_000, maxDevices: 10 },
});
const caller = createCaller(
  createContext({ headers: new Headers({ "x-forwarded-for": "127.0.0.1" }), session: { id: user.id, role: "admin", sessionVersion: 0 } }),
);
const appPhone = sandbox.createAccount({ phone: "15550300900", name: "App shop" }).phone;
const device = await caller.device.create({ ownerId: user.id, deviceName: "bench" });
const bus = eventBus();
const firstQr = new Promise<string>((resolve) => {
  const stop = new AbortController();
  void (async () => {
    for await (const e of bus.stream(stop.signal)) {
      if (e.name === "device.qr" && e.data.deviceId === device.deviceId) {
        stop.abort();
        resolve(e.data.qr);
      }
    }
  })();
});
const connected = waitFor((e) => e.name === "device.status" && e.data.deviceId === device.deviceId && e.data.status === "connected");
await caller.device.connect({ deviceId: device.deviceId });
await sandbox.scanQR(await firstQr, appPhone);
await connected;

/** Resolves on the first bus event matching `match` published from now on. */
function waitFor(match: (e: ReturnType<typeof bus.replay>[number]) => boolean): Promise<void> {
  const stop = new AbortController();
  const live = bus.stream(stop.signal);
  return (async () => {
    for await (const e of live) {
      if (match(e)) {
        stop.abort();
        return;
      }
    }
  })();
}

// Delivery of app messages is observed on the bus, as a browser would see it.
const delivered = new Map<number, () => void>();
const deliveredAt = new Map<number, number>();
const watcher = new AbortController();
void (async () => {
  for await (const e of bus.stream(watcher.signal)) {
    if (e.name === "message.status" && e.data.status === "delivered") {
      deliveredAt.set(e.data.messageId, performance.now());
      delivered.get(e.data.messageId)?.();
    }
  }
})();

async function appSend(i: number): Promise<{ callMs: number; deliveredMs: number }> {
  const to = `+${contactAt(i).phone}`;
  const t0 = performance.now();
  const row = await caller.message.sendText({ deviceId: device.deviceId, to, text: `app bench ${i}` });
  const callMs = performance.now() - t0;
  const at = deliveredAt.get(row.id);
  if (at === undefined) await new Promise<void>((resolve) => delivered.set(row.id, resolve));
  return { callMs, deliveredMs: (deliveredAt.get(row.id) ?? performance.now()) - t0 };
}

// --- raw Baileys: a second account's companion, receipts read from raw frames (WA-PROTOCOL P3)
const rawPhone = sandbox.createAccount({ phone: "15550300901", name: "Raw shop" }).phone;
const raw = new SandboxBaileysClient({ wsUrl: sandbox.wsUrl });
await raw.pairWithQR((qr) => sandbox.scanQR(qr, rawPhone));
const rawWaiters = new Map<string, () => void>();
const rawDelivered = new Set<string>();
raw.socket.ws.on("CB:receipt", (node: BinaryNode) => {
  const id = node.attrs.id;
  if (!id || node.attrs.type !== undefined) return;
  rawDelivered.add(id);
  rawWaiters.get(id)?.();
});
async function rawSend(i: number): Promise<{ callMs: number; deliveredMs: number }> {
  const contact = contactAt(i);
  const t0 = performance.now();
  const sent = await raw.socket.sendMessage(contact.pnJid, { text: `raw bench ${i}` });
  const callMs = performance.now() - t0;
  const id = sent?.key.id ?? "";
  if (!rawDelivered.has(id)) await new Promise<void>((resolve) => rawWaiters.set(id, resolve));
  return { callMs, deliveredMs: performance.now() - t0 };
}

// --- the durable floor: the raw companion, with the two writes every stored send needs
const { driverParam, driverPool } = await import("../src/server/db/driver-pool");
const rawDevice = await db().device.create({ data: { deviceId: "bench-raw", deviceName: "raw", ownerId: user.id, phoneNumber: rawPhone } });
async function floorSend(i: number): Promise<{ callMs: number; deliveredMs: number }> {
  const contact = contactAt(i);
  const t0 = performance.now();
  const waMessageId = generateMessageIDV2(raw.socket.user?.id);
  const now = new Date();
  const { insertId } = await driverPool().query<{ insertId: number }>(
    "INSERT INTO `Message` (`deviceId`, `ownerId`, `waMessageId`, `chatJid`, `fromJid`, `toJid`, `type`, `content`, `direction`, `status`, `timestamp`, `createdAt`, `updatedAt`) VALUES (?, ?, ?, ?, ?, ?, 'text', ?, 'outgoing', 'pending', ?, ?, ?)",
    [rawDevice.id, user.id, waMessageId, contact.pnJid, `${rawPhone}@s.whatsapp.net`, contact.pnJid, `floor bench ${i}`, driverParam(now), driverParam(now), driverParam(now)],
  );
  const receipt = new Promise<void>((resolve) => rawWaiters.set(waMessageId, resolve));
  await raw.socket.sendMessage(contact.pnJid, { text: `floor bench ${i}` }, { messageId: waMessageId });
  const callMs = performance.now() - t0;
  if (!rawDelivered.has(waMessageId)) await receipt;
  await driverPool().query("UPDATE `Message` SET `status` = 'delivered', `updatedAt` = ? WHERE `id` = ? AND `status` IN ('pending', 'sent')", [
    driverParam(new Date()),
    Number(insertId),
  ]);
  return { callMs, deliveredMs: performance.now() - t0 };
}

async function paced(send: (i: number) => Promise<{ callMs: number; deliveredMs: number }>, offset: number) {
  const calls: number[] = [];
  const deliveries: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < messages; i += 1) {
    const r = await send(offset + i);
    calls.push(r.callMs);
    deliveries.push(r.deliveredMs);
  }
  const seconds = (performance.now() - t0) / 1000;
  return { deliveredPerSec: Math.round(messages / seconds), callMs: stats(calls), deliveredMs: stats(deliveries) };
}

async function burst(send: (i: number) => Promise<{ callMs: number; deliveredMs: number }>, offset: number) {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < messages) {
        const i = next;
        next += 1;
        await send(offset + i);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  return { deliveredPerSec: Math.round(messages / seconds) };
}

// Warm-up: Signal sessions with every contact on both paths.
for (let i = 0; i < contacts.length; i += 1) {
  await appSend(-1 - i);
  await rawSend(-1 - i);
}
await floorSend(-1);

const rawPaced = await paced(rawSend, 0);
const appPaced = await paced(appSend, 0);
const floorPaced = await paced(floorSend, 2 * messages);
const rawBurst = await burst(rawSend, messages);
const appBurst = await burst(appSend, messages);
const floorBurst = await burst(floorSend, 3 * messages);

console.log(
  JSON.stringify(
    {
      bench: "app-send-pipeline",
      messagesPerPhase: messages,
      burstConcurrency: concurrency,
      paced: {
        raw: rawPaced,
        app: appPaced,
        ratio: +(appPaced.deliveredPerSec / rawPaced.deliveredPerSec).toFixed(2),
        durableFloor: { ...floorPaced, ratio: +(floorPaced.deliveredPerSec / rawPaced.deliveredPerSec).toFixed(2) },
      },
      burst: {
        raw: rawBurst,
        app: appBurst,
        ratio: +(appBurst.deliveredPerSec / rawBurst.deliveredPerSec).toFixed(2),
        durableFloor: { ...floorBurst, ratio: +(floorBurst.deliveredPerSec / rawBurst.deliveredPerSec).toFixed(2) },
      },
      storedMessages: await db().message.count(),
      node: process.version,
    },
    null,
    2,
  ),
);
watcher.abort();
await manager.shutdown();
await raw.end();
await sandbox.close();
// Baileys leaves a 30 s prekey-upload timer behind (WA-PROTOCOL P5): do not wait for it.
process.exit(0);
