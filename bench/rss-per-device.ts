/**
 * App memory, idle CPU and cold start with many connected sandbox devices, on the production server (SPEC §8; issue 15:
 * 1,000 devices on one server → app RSS ≤ 2 GB, cold start to all connected ≤ 60 s, idle CPU ≤ 5 % of one core).
 *   npm run build && npx tsx bench/rss-per-device.ts [levels=200,500,1000] [pairBatch=10]
 * The sandbox runs as its own process (started here, so it outlives the app's restart); the app is `node
 * dist/server.mjs`. Devices are paired through the app's API and a sandbox phone's QR scan, in parallel batches, up
 * to each level; at each level: the app's RSS (VmRSS), MB per device over the baseline, and the app's CPU over 20 s
 * of idleness (% of one core). Then the app is stopped (SIGTERM) and started again: cold start = from spawn to every
 * device connected (per /api/health), with RSS after. Uses its own database, recreated each run.
 */
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

const [levelArg = "200,500,1000", batchArg = "10"] = process.argv.slice(2);
const levels = levelArg.split(",").map(Number);
const pairBatch = Number(batchArg);
const IDLE_SAMPLE_MS = 20_000;
const CONTROL_TOKEN = "http-test-control-token";

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
await conn.query(`DROP DATABASE IF EXISTS \`${opts.database}\``);
await conn.end();
await migrate(DATABASE_URL, path.resolve(import.meta.dirname, "../prisma/migrations"));

const { createUser } = await import("../tests/helpers/actors");
const { AppClient, freePort, startApp } = await import("../tests/helpers/http-app");
const { createSandboxControlClient } = await import("../src/sandbox/control-client");
const { db } = await import("../src/server/db");

const root = path.resolve(import.meta.dirname, "..");
const ports = { port: await freePort(), sandboxPort: await freePort() };
const sandboxUrl = `http://127.0.0.1:${ports.sandboxPort}`;
const sandboxProcess = spawn(process.execPath, [path.join(root, "dist/sandbox.mjs")], {
  cwd: root,
  env: { ...process.env, SANDBOX_HOST: "127.0.0.1", SANDBOX_PORT: String(ports.sandboxPort), SANDBOX_CONTROL_TOKEN: CONTROL_TOKEN },
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

async function connectedDevices(baseUrl: string): Promise<number> {
  const res = await fetch(`${baseUrl}/api/health`);
  return ((await res.json()) as { connectedDevices: number }).connectedDevices;
}

const owner = await createUser("user", { maxDevices: 100_000 });
const admin = await createUser("admin");
let app = await startApp(ports);
const client = new AppClient(app.baseUrl);
await client.signIn(admin.username, admin.password);

/** Pairs device `i` (created beforehand: creates run one at a time, as an admin would add them). */
async function pairOne(i: number, device: { deviceId: string }): Promise<void> {
  await client.mutation("device.connect", { deviceId: device.deviceId });
  let qr: string | null = null;
  while (!qr) {
    qr = (await client.query<{ qr: string | null }>("device.qr", { deviceId: device.deviceId })).qr;
    if (!qr) await new Promise((r) => setTimeout(r, 100));
  }
  const phone = (await control.createAccount({ phone: `1555${String(2_000_000 + i).padStart(7, "0")}` })).phone;
  await control.scanQR(qr, phone);
  while ((await client.query<{ status: string }>("device.status", { deviceId: device.deviceId })).status !== "connected") {
    await new Promise((r) => setTimeout(r, 100));
  }
}

const loadavg = () => os.loadavg().map((l) => +l.toFixed(2));
await new Promise((r) => setTimeout(r, 5000));
const baseline = await procStat(app.process.pid!);
const results: Array<Record<string, unknown>> = [
  { devices: 0, appRssMb: baseline.rssMb, idleCpuPercent: await idleCpuPercent(app.process.pid!), loadavg: loadavg() },
];
console.error(JSON.stringify(results.at(-1)));

let paired = 0;
for (const level of levels) {
  const t0 = performance.now();
  while (paired < level) {
    const batch = Array.from({ length: Math.min(pairBatch, level - paired) }, (_, k) => paired + k);
    const devices: Array<{ deviceId: string }> = [];
    for (const i of batch) devices.push(await client.mutation<{ deviceId: string }>("device.create", { deviceName: `Bench ${i}`, ownerId: owner.id }));
    await Promise.all(batch.map((i, k) => pairOne(i, devices[k]!)));
    paired += batch.length;
  }
  const pairSeconds = +((performance.now() - t0) / 1000).toFixed(1);
  await new Promise((r) => setTimeout(r, 5000));
  const { rssMb } = await procStat(app.process.pid!);
  results.push({
    devices: level,
    connected: await connectedDevices(app.baseUrl),
    appRssMb: rssMb,
    mbPerDeviceOverBaseline: +((rssMb - baseline.rssMb) / level).toFixed(2),
    idleCpuPercent: await idleCpuPercent(app.process.pid!),
    pairSeconds,
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
while ((connected = await connectedDevices(app.baseUrl)) < paired && performance.now() < deadline) await new Promise((r) => setTimeout(r, 250));
const coldStart = {
  devices: paired,
  connected,
  httpReadyMs: Math.round(readyMs),
  allConnectedMs: Math.round(performance.now() - spawnedAt),
  appRssMbAfter: (await procStat(app.process.pid!)).rssMb,
  idleCpuPercentAfter: await idleCpuPercent(app.process.pid!),
  loadavg: loadavg(),
};

console.log(JSON.stringify({ bench: "rss-per-device", node: process.version, cpus: os.cpus().length, levels: results, coldStart }, null, 2));
await app.stop();
sandboxProcess.kill("SIGTERM");
await db().$disconnect();
process.exit(0);
