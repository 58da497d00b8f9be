/**
 * App memory, idle CPU and cold start with many connected sandbox devices, on the production server (SPEC §8; issue 15:
 * 1,000 devices on one server → app RSS ≤ 2 GB, cold start to all connected ≤ 60 s, idle CPU ≤ 5 % of one core).
 *   npm run build && npx tsx bench/rss-per-device.ts [levels=200,500,1000] [pairBatch=10]
 * The sandbox runs as its own process (started here, so it outlives the app's restart); the app is `node
 * dist/server.mjs`. Devices are paired through the app's API and a sandbox phone's QR scan, in parallel batches, up
 * to each level; at each level: the app's RSS (VmRSS), MB per device over the baseline, and the app's CPU in four
 * consecutive 20 s windows of idleness (% of one core; the last window is the idle figure). Then the app is stopped
 * (SIGTERM) and started again: cold start = from spawn to every device connected (per /api/health), with RSS after. Uses its own database, recreated each run.
 *
 * BENCH_REUSE=1 keeps the database and the sandbox's state file (data/bench/) between runs, so devices paired by an
 * earlier run are not paired again: they are switched off (autoConnect=false) before the app starts, which gives the
 * 0-device baseline, then reconnected from their stored credentials through device.connect, and only the devices
 * beyond them are paired. The output says how many were reused (`reconnected` per level). The cold start is the same
 * real restart in both modes: a new app process restoring every device from the database.
 * APP_NODE_ARGS=--heapsnapshot-signal=SIGUSR2 lets you take heap snapshots of the app (bench/support/heap-summary.ts).
 */
import { spawn } from "node:child_process";
import { mkdir, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

const [levelArg = "200,500,1000", batchArg = "10"] = process.argv.slice(2);
const levels = levelArg.split(",").map(Number);
const pairBatch = Number(batchArg);
const IDLE_SAMPLE_MS = 20_000;
const CONTROL_TOKEN = "http-test-control-token";
const reuse = process.env.BENCH_REUSE === "1";

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? "mysql://root@127.0.0.1:3306/switchboard_bench_devices";
Object.assign(process.env, {
  TEST_DATABASE_URL: DATABASE_URL,
  DATABASE_URL,
  NEXTAUTH_SECRET: "bench-secret-bench-secret-bench",
  WA_AUTH_KEY: "4".repeat(64),
  LOG_LEVEL: "silent",
  RATE_LIMIT_API_POINTS: "100000000",
  AUTO_MIGRATE: "false",
});

const mariadb = (await import("mariadb")).default;
const { parseDatabaseUrl } = await import("../src/server/db/database-url");
const { migrate } = await import("../src/server/db/migrate");
const opts = parseDatabaseUrl(DATABASE_URL);
const conn = await mariadb.createConnection({ host: opts.host, port: opts.port, user: opts.user, password: opts.password });
if (!reuse) await conn.query(`DROP DATABASE IF EXISTS \`${opts.database}\``);
await conn.end();
await migrate(DATABASE_URL, path.resolve(import.meta.dirname, "../prisma/migrations"));

const { createUser } = await import("../tests/helpers/actors");
const { AppClient, freePort, startApp } = await import("../tests/helpers/http-app");
const { createSandboxControlClient } = await import("../src/sandbox/control-client");
const { db } = await import("../src/server/db");

const root = path.resolve(import.meta.dirname, "..");
const ports = { port: await freePort(), sandboxPort: await freePort() };
const sandboxUrl = `http://127.0.0.1:${ports.sandboxPort}`;
const stateDir = path.join(root, "data/bench");
await mkdir(stateDir, { recursive: true });
const sandboxState = reuse ? { SANDBOX_STATE_FILE: path.join(stateDir, `rss-sandbox-${opts.database}.json`) } : {};
const sandboxProcess = spawn(process.execPath, [path.join(root, "dist/sandbox.mjs")], {
  cwd: root,
  env: {
    ...process.env,
    ...sandboxState,
    SANDBOX_HOST: "127.0.0.1",
    SANDBOX_PORT: String(ports.sandboxPort),
    SANDBOX_CONTROL_TOKEN: CONTROL_TOKEN,
  },
  stdio: "ignore",
});
const control = createSandboxControlClient(sandboxUrl, { token: CONTROL_TOKEN });
for (;;) {
  try {
    await control.info();
    break;
  } catch {
    await new Promise((r) => setTimeout(r, 100));
  }
}

const MB = 1024 * 1024;
async function procStat(pid: number): Promise<{ rssMb: number; cpuMs: number }> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  const stat = await readFile(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return { rssMb: +((rssKb * 1024) / MB).toFixed(1), cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / 100 };
}

async function idleCpuPercent(pid: number): Promise<number> {
  const before = await procStat(pid);
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, IDLE_SAMPLE_MS));
  const after = await procStat(pid);
  return +((100 * (after.cpuMs - before.cpuMs)) / (performance.now() - t0)).toFixed(1);
}

/**
 * Idle CPU in consecutive windows, from the moment the level is reached: early windows still hold the devices'
 * post-connect work and, about a minute after that burst stops, one full garbage collection that V8's memory reducer
 * runs to shrink the heap (profiled: one window at 10–15 %, almost all of it GC, that does not come back). So every
 * window is printed (settling and steady cost told apart) and the last one, past both, is the figure.
 */
async function idleCpuWindows(pid: number, windows = Number(process.env.IDLE_WINDOWS ?? 6)): Promise<{ idleCpuPercent: number; idleCpuPercentWindows: number[] }> {
  const samples: number[] = [];
  for (let i = 0; i < windows; i += 1) samples.push(await idleCpuPercent(pid));
  return { idleCpuPercent: samples.at(-1) ?? Number.NaN, idleCpuPercentWindows: samples };
}

async function connectedDevices(baseUrl: string): Promise<number> {
  const res = await fetch(`${baseUrl}/api/health`);
  return ((await res.json()) as { connectedDevices: number }).connectedDevices;
}

const owner = await createUser("user", { maxDevices: 100_000 });
const admin = await createUser("admin");
// Reuse: the devices an earlier run paired (their credentials are in this database and the sandbox's state file).
const reusable = reuse ? await db().device.findMany({ where: { phoneNumber: { not: null } }, select: { id: true, deviceId: true }, orderBy: { id: "asc" } }) : [];
if (reuse) {
  await db().device.deleteMany({ where: { phoneNumber: null } });
  await db().device.updateMany({ data: { autoConnect: false, status: "disconnected" } });
}
let app = await startApp(ports);
const client = new AppClient(app.baseUrl);
await client.signIn(admin.username, admin.password);

/** A poll that a loaded server answers late or with a 5xx is asked again, never taken as the answer. */
async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean, everyMs: number): Promise<T> {
  for (;;) {
    const value = await read().catch(() => undefined);
    if (value !== undefined && done(value)) return value;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

// The status is read from the row the app writes on every change, not through the app's API: dozens of devices
// polled over HTTP several times a second would load the very process whose memory and CPU are measured.
const deviceStatus = async (deviceId: string) => (await db().device.findUniqueOrThrow({ where: { deviceId }, select: { status: true } })).status;

/** device.connect, again after an internal error (idempotent); the errors are counted in the output. */
let connectErrors = 0;
async function connect(deviceId: string): Promise<void> {
  for (;;) {
    try {
      await client.mutation("device.connect", { deviceId });
      return;
    } catch (error) {
      connectErrors += 1;
      console.error(`device.connect failed: ${JSON.stringify((error as { body?: unknown }).body ?? String(error)).slice(0, 300)}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

/** Pairs device `i` (created beforehand: creates run one at a time, as an admin would add them). */
async function pairOne(i: number, device: { deviceId: string }): Promise<void> {
  await connect(device.deviceId);
  const { qr } = await poll(
    () => client.query<{ qr: string | null }>("device.qr", { deviceId: device.deviceId }),
    (q) => q.qr !== null,
    500,
  );
  const phone = `1555${String(2_000_000 + i).padStart(7, "0")}`;
  // An interrupted earlier run (BENCH_REUSE) may have left this phone behind without a linked device.
  if (!(await control.account(phone))) await control.createAccount({ phone });
  await control.scanQR(qr!, phone);
  await poll(() => deviceStatus(device.deviceId), (s) => s === "connected", 500);
}

/** Reconnects a device an earlier run paired, from its stored credentials (no pairing). */
async function reconnectOne(device: { deviceId: string }): Promise<void> {
  await connect(device.deviceId);
  await poll(() => deviceStatus(device.deviceId), (s) => s === "connected", 500);
}

const loadavg = () => os.loadavg().map((l) => +l.toFixed(2));
await new Promise((r) => setTimeout(r, 5000));
const baseline = await procStat(app.process.pid!);
const results: Array<Record<string, unknown>> = [
  { devices: 0, appRssMb: baseline.rssMb, idleCpuPercent: await idleCpuPercent(app.process.pid!), loadavg: loadavg() },
];
console.error(JSON.stringify(results.at(-1)));

let paired = 0;
let reconnected = 0;
for (const level of levels) {
  const t0 = performance.now();
  while (paired < level) {
    const batch = Array.from({ length: Math.min(pairBatch, level - paired) }, (_, k) => paired + k);
    const reused = batch.filter((i) => i < reusable.length);
    const fresh = batch.filter((i) => i >= reusable.length);
    const devices: Array<{ deviceId: string }> = [];
    for (const i of fresh) devices.push(await client.mutation<{ deviceId: string }>("device.create", { deviceName: `Bench ${i}`, ownerId: owner.id }));
    await Promise.all([...reused.map((i) => reconnectOne(reusable[i]!)), ...fresh.map((i, k) => pairOne(i, devices[k]!))]);
    paired += batch.length;
    reconnected += reused.length;
  }
  const pairSeconds = +((performance.now() - t0) / 1000).toFixed(1);
  await new Promise((r) => setTimeout(r, 5000));
  const { rssMb } = await procStat(app.process.pid!);
  results.push({
    devices: level,
    reconnected,
    connected: await connectedDevices(app.baseUrl),
    appRssMb: rssMb,
    mbPerDeviceOverBaseline: +((rssMb - baseline.rssMb) / level).toFixed(2),
    ...(await idleCpuWindows(app.process.pid!)),
    pairSeconds,
    connectErrors,
    loadavg: loadavg(),
  });
  console.error(JSON.stringify(results.at(-1)));
}

// Cold start: the same database and sandbox, a new app process; every device restores from its stored credentials.
await app.stop();
const spawnedAt = performance.now();
app = await startApp(ports);
const readyMs = performance.now() - spawnedAt;
let connected = 0;
const deadline = performance.now() + 10 * 60_000;
while ((connected = await connectedDevices(app.baseUrl).catch(() => 0)) < paired && performance.now() < deadline) {
  await new Promise((r) => setTimeout(r, 250));
}
const coldStart = {
  devices: paired,
  connected,
  httpReadyMs: Math.round(readyMs),
  allConnectedMs: Math.round(performance.now() - spawnedAt),
  appRssMbAfter: (await procStat(app.process.pid!)).rssMb,
  mbPerDeviceOverBaselineAfter: +(((await procStat(app.process.pid!)).rssMb - baseline.rssMb) / paired).toFixed(2),
  ...(await idleCpuWindows(app.process.pid!)),
  loadavg: loadavg(),
};

console.log(JSON.stringify({ bench: "rss-per-device", node: process.version, cpus: os.cpus().length, reuse, levels: results, coldStart }, null, 2));
await app.stop();
sandboxProcess.kill("SIGTERM");
await db().$disconnect();
process.exit(0);
