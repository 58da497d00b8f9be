/**
 * Bulk-job throughput against raw Baileys, in one run against one sandbox (issue 10: job ≥ 0.8 × raw).
 *   npx tsx bench/job-throughput.ts [recipients=1000] [devices=4] [pairs=1]
 * Job path: `recipients / devices` recipients per device, one chat-blast job per device created through tRPC
 * (job.create: zod, auth, parsing, MySQL inserts), pacing off (custom 0–0 s), run by the server's WorkRunner over
 * both work sources (claim, recipient check, MySQL insert, Baileys send, MySQL update, progress events), until every
 * message's delivery receipt came back through inbound → MySQL → the event bus. Raw path: as many Baileys companions,
 * each sending its share one message at a time (the runner's one-send-per-device lane), until every delivery receipt
 * frame arrived. Every path writes to its own fresh recipients, so both pay the first-contact Signal session setup.
 * Overhead per item: the extra time a device lane spends per item on the job path. Own database
 * (switchboard_bench_jobs, or BENCH_DATABASE_URL), recreated each run. Prints the load averages around both paths.
 * `pairs` > 1 runs raw and job alternately that many times (ABBA order) (fresh recipients each time, today's messages piling up as
 * in a day of blasts) and reports each pair and the median ratio: on a shared machine one pair can land in a busy spell.
 */
import os from "node:os";
import type { BinaryNode } from "baileys";

const recipients = Number(process.argv[2] ?? 1000);
const deviceCount = Number(process.argv[3] ?? 4);
const perDevice = Math.ceil(recipients / deviceCount);
const pairs = Math.min(4, Math.max(1, Number(process.argv[4] ?? 1)));
const { freshBenchDatabase } = await import("./support/bench-database");
await freshBenchDatabase("mysql://root@127.0.0.1:3306/switchboard_bench_jobs");

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
const { WorkRunner } = await import("../src/server/jobs/runner");
const { defaultWorkSources } = await import("../src/server/services/work/start");

type BusEvent = ReturnType<ReturnType<typeof eventBus>["replay"]>[number];

ensureSignatureVerification();
const sandbox = await startSandbox({ receipts: { mode: "delivered", delayMs: 0 } });
installSandboxRoot(sandbox.rootPublicKey);
const bus = eventBus();

/** Fresh sandbox accounts: `count` recipients per device, numbered apart for each path. */
function recipientAccounts(pathIndex: number): string[][] {
  return Array.from({ length: deviceCount }, (_, d) =>
    Array.from({ length: perDevice }, (_, i) => sandbox.createAccount({ phone: `62812${pathIndex}${d}${String(i).padStart(5, "0")}` }).phone),
  );
}

/** Resolves on the first bus event matching `match` published from now on. */
function waitFor(match: (e: BusEvent) => boolean): Promise<BusEvent> {
  const stop = new AbortController();
  const live = bus.stream(stop.signal);
  return (async () => {
    for await (const e of live) {
      if (match(e)) {
        stop.abort();
        return e;
      }
    }
    throw new Error("the event stream ended");
  })();
}

// --- the app: an admin user, `deviceCount` devices paired through the real flow, a tRPC caller as that user
installInbound();
const manager = new ConnectionManager({ socketConfig: () => sandboxSocketConfig(sandbox.wsUrl) });
installConnectionManager(manager);
const user = await db().user.create({
  data: { username: "bench", email: "bench@example.test", passwordHash: "x", role: "admin", dailyMessageLimit: 10_000_000, maxDevices: deviceCount + 1 },
});
// Several pairs send more than a device's default hourly cap (500): the bench measures the path, not the caps.
const { putSetting } = await import("../src/server/services/settings/app-settings");
for (const key of ["jobHourlyCapMax", "jobHourlyCapDefault", "jobDailyCapMax", "jobDailyCapDefault"] as const) await putSetting(key, 1_000_000);
const caller = createCaller(
  createContext({ headers: new Headers({ "x-forwarded-for": "127.0.0.1" }), session: { id: user.id, role: "admin", sessionVersion: 0 } }),
);
const deviceIds: string[] = [];
for (let d = 0; d < deviceCount; d += 1) {
  const device = await caller.device.create({ ownerId: user.id, deviceName: `bench ${d + 1}` });
  const phone = sandbox.createAccount({ phone: `155503109${String(d).padStart(2, "0")}`, name: `App shop ${d + 1}` }).phone;
  const qr = waitFor((e) => e.name === "device.qr" && e.data.deviceId === device.deviceId);
  const connected = waitFor((e) => e.name === "device.status" && e.data.deviceId === device.deviceId && e.data.status === "connected");
  await caller.device.connect({ deviceId: device.deviceId });
  const qrEvent = await qr;
  if (qrEvent.name !== "device.qr") throw new Error("expected a QR event");
  await sandbox.scanQR(qrEvent.data.qr, phone);
  await connected;
  deviceIds.push(device.deviceId);
}

// --- raw Baileys: as many companions, receipts read from raw frames (WA-PROTOCOL P3)
const rawClients: InstanceType<typeof SandboxBaileysClient>[] = [];
const rawWaiters = new Map<string, () => void>();
const rawDelivered = new Set<string>();
for (let d = 0; d < deviceCount; d += 1) {
  const phone = sandbox.createAccount({ phone: `155503119${String(d).padStart(2, "0")}`, name: `Raw shop ${d + 1}` }).phone;
  const raw = new SandboxBaileysClient({ wsUrl: sandbox.wsUrl });
  await raw.pairWithQR((qr) => sandbox.scanQR(qr, phone));
  raw.socket.ws.on("CB:receipt", (node: BinaryNode) => {
    const id = node.attrs.id;
    if (!id || node.attrs.type !== undefined) return;
    rawDelivered.add(id);
    rawWaiters.get(id)?.();
  });
  rawClients.push(raw);
}

async function rawRun(pair: number): Promise<{ seconds: number; delivered: number }> {
  const targets = recipientAccounts(1 + 2 * pair);
  const t0 = performance.now();
  const deliveries: Promise<void>[] = [];
  await Promise.all(
    rawClients.map(async (raw, d) => {
      for (const [i, phone] of (targets[d] ?? []).entries()) {
        const sent = await raw.socket.sendMessage(`${phone}@s.whatsapp.net`, { text: `Halo Budi ${i}` });
        const id = sent?.key.id ?? "";
        if (!rawDelivered.has(id)) deliveries.push(new Promise<void>((resolve) => rawWaiters.set(id, resolve)));
      }
    }),
  );
  await Promise.all(deliveries);
  return { seconds: (performance.now() - t0) / 1000, delivered: targets.flat().length };
}

async function jobRun(pair: number): Promise<{ seconds: number; delivered: number; sendGapMs: { p50: number; p95: number } }> {
  const targets = recipientAccounts(2 + 2 * pair);
  const total = targets.flat().length;
  const deliveredIds = new Set<number>();
  const watcher = new AbortController();
  const allDelivered = new Promise<void>((resolve) => {
    void (async () => {
      for await (const e of bus.stream(watcher.signal)) {
        if (e.name !== "message.status" || e.data.status !== "delivered") continue;
        deliveredIds.add(e.data.messageId);
        if (deliveredIds.size >= total) resolve();
      }
    })();
  });
  // The server's runner with its default options (poll 1 s, woken by the nudge job.create sends).
  const runner = new WorkRunner({ sources: defaultWorkSources() });
  runner.start();
  const t0 = performance.now();
  const jobs = await Promise.all(
    deviceIds.map((deviceId, d) =>
      caller.job.create({
        deviceId,
        message: { kind: "text", text: "Halo {{name}}" },
        recipients: { source: "paste", text: (targets[d] ?? []).map((p) => `+${p},Budi`).join("\n") },
        pacing: { preset: "custom", minSeconds: 0, maxSeconds: 0 },
      }),
    ),
  );
  await allDelivered;
  const seconds = (performance.now() - t0) / 1000;
  watcher.abort();
  await runner.stop();
  const items = await db().jobItem.findMany({ where: { jobId: { in: jobs.map((j) => j.id) } }, select: { jobId: true, status: true, sentAt: true }, orderBy: { sentAt: "asc" } });
  const failed = items.filter((i) => i.status !== "sent");
  if (failed.length > 0) throw new Error(`${failed.length} job items did not send`);
  // From one send to the next on the same device (stored send times): the lane's period per item.
  const gaps = jobs
    .flatMap((j) => {
      const sent = items.filter((i) => i.jobId === j.id).map((i) => i.sentAt?.getTime() ?? Number.NaN);
      return sent.slice(1).map((t, i) => t - (sent[i] ?? Number.NaN));
    })
    .sort((a, b) => a - b);
  const at = (p: number) => gaps[Math.min(gaps.length - 1, Math.ceil(p * gaps.length) - 1)] ?? Number.NaN;
  return { seconds, delivered: deliveredIds.size, sendGapMs: { p50: at(0.5), p95: at(0.95) } };
}

const load = () => os.loadavg().map((l) => +l.toFixed(2));
const results = [];
for (let pair = 0; pair < pairs; pair += 1) {
  const loadBefore = load();
  // ABBA order (raw first in even pairs, job first in odd ones): whichever path runs later in a pair meets more
  // stored state and recipients, so a fixed order would favour one side.
  const rawFirst = pair % 2 === 0;
  let raw: Awaited<ReturnType<typeof rawRun>>;
  let job: Awaited<ReturnType<typeof jobRun>>;
  let loadBetween: number[];
  if (rawFirst) {
    raw = await rawRun(pair);
    loadBetween = load();
    job = await jobRun(pair);
  } else {
    job = await jobRun(pair);
    loadBetween = load();
    raw = await rawRun(pair);
  }
  const rawRate = raw.delivered / raw.seconds;
  const jobRate = job.delivered / job.seconds;
  results.push({
    raw: { seconds: +raw.seconds.toFixed(2), deliveredPerSec: Math.round(rawRate), laneMsPerItem: +((raw.seconds * 1000) / perDevice).toFixed(1) },
    job: {
      seconds: +job.seconds.toFixed(2),
      deliveredPerSec: Math.round(jobRate),
      laneMsPerItem: +((job.seconds * 1000) / perDevice).toFixed(1),
      sendGapMs: job.sendGapMs,
    },
    ratio: +(jobRate / rawRate).toFixed(2),
    // Each lane handles perDevice items in sequence on both paths: the difference in lane time per item is the runner's.
    overheadMsPerItem: +(((job.seconds - raw.seconds) * 1000) / perDevice).toFixed(1),
    order: rawFirst ? "raw, job" : "job, raw",
    // 1-, 5- and 15-minute load averages before the first path, between the paths, and after the second.
    loadavg: { before: loadBefore, between: loadBetween, after: load() },
  });
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? Number.NaN;

console.log(
  JSON.stringify(
    {
      bench: "job-throughput",
      recipients: perDevice * deviceCount,
      devices: deviceCount,
      pacing: "off",
      ...(pairs === 1 ? results[0] : { pairs: results, medianRatio: median(results.map((r) => r.ratio)), medianOverheadMsPerItem: median(results.map((r) => r.overheadMsPerItem)) }),
      storedMessages: await db().message.count(),
      node: process.version,
    },
    null,
    2,
  ),
);
await manager.shutdown();
for (const client of rawClients) await client.end();
await sandbox.close();
// Baileys leaves a 30 s prekey-upload timer behind (WA-PROTOCOL P5): do not wait for it.
process.exit(0);
