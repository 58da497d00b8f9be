/**
 * Live-event latency from WhatsApp to browser subscribers of `events.stream`, through the production server.
 *   npm run build && npx tsx bench/event-latency.ts [transports=sse,ws] [levels=1,100,500] [messages=60] [rate=10]
 * A sandbox contact sends `messages` texts at `rate`/s to a device owned by one user; each level opens that many
 * subscribers (1: the owner; more: 40 % the owner, 20 % an admin, 40 % a stranger entitled to none of it) over the
 * chosen transport: "sse" (tRPC's httpSubscriptionLink protocol on /api/trpc) or "ws" (tRPC's wsLink protocol on
 * /api/trpc-ws). Figures: end-to-end (contact's send → subscriber) and fan-out (the event's publish time → subscriber),
 * p50/p95/p99 in ms, and sendToPublish (contact's send → publish, once per message); loss = entitled (subscriber, message) pairs never received; leaks = events a stranger received;
 * health = /api/health latency sampled during the run; serverCpuMsPerMessage = the app server's CPU time per incoming
 * message (receive, store, publish, fan out; USER_HZ resolution); benchCpuMsPerMessage = the same for this process.
 * A WebSocket subscriber timestamps each frame as it arrives and parses it after the run, so the bench's own 500
 * clients (which share the 2 cores with the server) add as little as possible to the figures. The load average is
 * printed before and after. Uses its own database, recreated each run.
 */
import http from "node:http";
import path from "node:path";
import { WebSocket } from "ws";

const [transportArg = "sse,ws", levelArg = "1,100,500", messagesArg = "60", rateArg = "10"] = process.argv.slice(2);
const transports = transportArg.split(",") as Transport[];
const levels = levelArg.split(",").map(Number);
const messages = Number(messagesArg);
const rate = Number(rateArg);
type Transport = "sse" | "ws";

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? "mysql://root@127.0.0.1:3306/switchboard_bench_events";
Object.assign(process.env, {
  TEST_DATABASE_URL: DATABASE_URL,
  DATABASE_URL,
  NEXTAUTH_SECRET: "bench-secret-bench-secret-bench",
  WA_AUTH_KEY: "3".repeat(64),
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
const { AppClient, startApp } = await import("../tests/helpers/http-app");
const { createSandboxControlClient } = await import("../src/sandbox/control-client");
const { db } = await import("../src/server/db");

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return +(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN).toFixed(1);
};
const stats = (values: number[]) => ({ p50: percentile(values, 50), p95: percentile(values, 95), p99: percentile(values, 99), n: values.length });

const [admin, owner, stranger] = [await createUser("admin"), await createUser(), await createUser()];
const app = await startApp();
const control = createSandboxControlClient(app.sandboxUrl, { token: "http-test-control-token" });
const signedIn = async (u: { username: string; password: string }) => {
  const client = new AppClient(app.baseUrl);
  await client.signIn(u.username, u.password);
  return client;
};
const clients = { owner: await signedIn(owner), admin: await signedIn(admin), stranger: await signedIn(stranger) };
const cookieOf = (client: InstanceType<typeof AppClient>): string => client.cookieHeader();

// --- a device of the owner, paired through the sandbox, and a contact that writes to it
const device = await clients.admin.mutation<{ deviceId: string }>("device.create", { deviceName: "Bench", ownerId: owner.id });
const appPhone = (await control.createAccount({ phone: "15550410900", name: "Bench shop" })).phone;
const contactPhone = (await control.createAccount({ phone: "15550410901", name: "Bench contact" })).phone;
await clients.owner.mutation("device.connect", { deviceId: device.deviceId });
let qr: string | null = null;
while (!qr) {
  qr = (await clients.owner.query<{ qr: string | null }>("device.qr", { deviceId: device.deviceId })).qr;
  if (!qr) await new Promise((r) => setTimeout(r, 100));
}
await control.scanQR(qr, appPhone);
while ((await clients.owner.query<{ status: string }>("device.get", { deviceId: device.deviceId })).status !== "connected") {
  await new Promise((r) => setTimeout(r, 100));
}

/** One subscriber: records when each bench message's `message.received` arrived, and every event id it got. */
interface Subscriber {
  role: "owner" | "admin" | "stranger";
  arrivals: Map<number, { at: number; publishedAt: number }>;
  eventIds: Set<number>;
  ready: Promise<void>;
  /** How many of this run's bench messages arrived so far (WebSocket frames are only read after the run). */
  received(): number;
  settle(): void;
  close(): void;
}

const TOKEN = /^bench-(\d+)-(\d+)$/;

/** Reads one tRPC data message (`{ json }` superjson envelope, the event as an object or serialised once as a string). */
function record(sub: Subscriber, run: number, eventId: number, payload: unknown, at = Date.now()): void {
  let json = (payload as { json: unknown }).json;
  // The WebSocket protocol wraps a tracked item as { id, data }; SSE carries the id on its own line.
  if (typeof json === "object" && json !== null && "data" in json && "id" in json && !("name" in json)) json = json.data;
  const event = (typeof json === "string" ? JSON.parse(json) : json) as { name: string; at: string; data: { content?: string } };
  sub.eventIds.add(eventId);
  const match = event.name === "message.received" ? TOKEN.exec(event.data.content ?? "") : null;
  if (!match || Number(match[1]) !== run) return;
  sub.arrivals.set(Number(match[2]), { at, publishedAt: Date.parse(event.at) });
}

function openSse(role: Subscriber["role"], run: number): Subscriber {
  const sub = { role, arrivals: new Map(), eventIds: new Set() } as unknown as Subscriber;
  const input = encodeURIComponent(JSON.stringify({ json: {} }));
  const url = new URL(`${app.baseUrl}/api/trpc/events.stream?input=${input}`);
  let request: http.ClientRequest | undefined;
  sub.ready = new Promise<void>((resolve, reject) => {
    request = http.get(url, { headers: { cookie: cookieOf(clients[role]), accept: "text/event-stream" }, agent: false }, (res) => {
      let buffer = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        buffer += chunk;
        let sep: number;
        while ((sep = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, sep);
          buffer = buffer.slice(sep + 2);
          if (block.includes("event: connected")) resolve();
          const id = /^id: ?(\d+)$/m.exec(block)?.[1];
          const data = /^data: ?(.*)$/m.exec(block)?.[1];
          if (id && data) record(sub, run, Number(id), JSON.parse(data));
        }
      });
      res.on("error", () => undefined);
    });
    request.on("error", reject);
  });
  sub.close = () => request?.destroy();
  sub.received = () => sub.arrivals.size;
  sub.settle = () => undefined;
  return sub;
}

/**
 * The WebSocket subscriber is kept cheap, because the bench's 500 clients share the machine's 2 cores with the server:
 * a frame is only timestamped and kept when it arrives, and parsed after the run (`settle`).
 */
function openWs(role: Subscriber["role"], run: number): Subscriber {
  const sub = { role, arrivals: new Map(), eventIds: new Set() } as unknown as Subscriber;
  const frames: Array<{ at: number; data: Buffer }> = [];
  const token = Buffer.from(`bench-${run}-`);
  let benchFrames = 0;
  const ws = new WebSocket(`${app.baseUrl.replace("http", "ws")}/api/trpc-ws`, { headers: { cookie: cookieOf(clients[role]), origin: app.baseUrl } });
  sub.ready = new Promise<void>((resolve, reject) => {
    ws.on("open", () => ws.send(JSON.stringify({ id: 1, method: "subscription", params: { path: "events.stream", input: { json: {} } } })));
    ws.on("message", (data: Buffer) => {
      if (data.length === 4 && data.toString() === "PING") return void ws.send("PONG");
      frames.push({ at: Date.now(), data });
      if (frames.length === 1) resolve();
      else if (data.includes(token)) benchFrames += 1;
    });
    ws.on("error", reject);
  });
  sub.settle = () => {
    for (const { at, data } of frames.splice(0)) {
      const frame = data.toString();
      if (process.env.BENCH_DEBUG) console.error(frame.slice(0, 300));
      const message = JSON.parse(frame) as { result?: { type: string; id?: string; data?: unknown } };
      if (message.result?.type === "data" && message.result.id) record(sub, run, Number(message.result.id), message.result.data, at);
    }
  };
  sub.received = () => benchFrames;
  sub.close = () => ws.terminate();
  return sub;
}

const roleFor = (i: number, count: number): Subscriber["role"] => {
  if (count === 1) return "owner";
  const slot = i % 5;
  return slot < 2 ? "owner" : slot === 2 ? "admin" : "stranger";
};

/** CPU time (user + system, ms) the app server's process has used so far. */
async function serverCpuMs(): Promise<number> {
  const stat = (await import("node:fs/promises")).readFile(`/proc/${app.process.pid}/stat`, "utf8");
  const fields = (await stat).slice((await stat).lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

async function measure(transport: Transport, count: number, run: number) {
  const open = transport === "sse" ? openSse : openWs;
  const subscribers = Array.from({ length: count }, (_, i) => open(roleFor(i, count), run));
  await Promise.all(subscribers.map((s) => s.ready));

  const health: number[] = [];
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const t0 = performance.now();
      await fetch(`${app.baseUrl}/api/health`).then((r) => r.arrayBuffer());
      health.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 250));
    }
  })();

  const sentAt = new Map<number, number>();
  const controlMs: number[] = [];
  const cpuBefore = await serverCpuMs();
  const benchCpuBefore = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < messages; i += 1) {
    const due = t0 + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    sentAt.set(i, Date.now());
    const started = performance.now();
    void control.sendText(contactPhone, appPhone, `bench-${run}-${i}`).then(() => controlMs.push(performance.now() - started));
  }
  // Wait (bounded) until every entitled subscriber has every message; what is still missing then counts as lost.
  const entitled = subscribers.filter((s) => s.role !== "stranger");
  const deadline = performance.now() + 60_000;
  while (performance.now() < deadline && entitled.some((s) => s.received() < messages)) await new Promise((r) => setTimeout(r, 50));
  const cpuMs = (await serverCpuMs()) - cpuBefore;
  const benchCpu = process.cpuUsage(benchCpuBefore);
  for (const s of subscribers) s.settle();
  sampling = false;
  await sampler;

  const endToEnd: number[] = [];
  const fanOut: number[] = [];
  const toPublish = new Map<number, number>();
  let lost = 0;
  for (const s of entitled) {
    for (let i = 0; i < messages; i += 1) {
      const got = s.arrivals.get(i);
      if (!got) {
        lost += 1;
        continue;
      }
      endToEnd.push(got.at - sentAt.get(i)!);
      if (!Number.isFinite(got.publishedAt)) continue;
      fanOut.push(got.at - got.publishedAt);
      toPublish.set(i, got.publishedAt - sentAt.get(i)!);
    }
  }
  // Every entitled subscriber of one role gets the same events (ids); strangers get none of this device's.
  const missingEvents = (role: Subscriber["role"]) => {
    const group = entitled.filter((s) => s.role === role);
    const union = new Set(group.flatMap((s) => [...s.eventIds]));
    return group.reduce((sum, s) => sum + (union.size - s.eventIds.size), 0);
  };
  const leaks = subscribers.filter((s) => s.role === "stranger").reduce((sum, s) => sum + s.arrivals.size, 0);
  for (const s of subscribers) s.close();
  return {
    transport,
    subscribers: count,
    entitledSubscribers: entitled.length,
    endToEndMs: stats(endToEnd),
    fanOutMs: stats(fanOut),
    // The contact's send → the event's publish: sandbox, Baileys socket, decryption and the inbound store commit.
    sendToPublishMs: stats([...toPublish.values()]),
    // How long the sandbox's control API took to answer each send (it answers once the message is on its way).
    sandboxSendMs: stats(controlMs),
    lostMessageDeliveries: lost,
    eventIdsMissingVersusPeers: missingEvents("owner") + missingEvents("admin"),
    leaksToStrangers: leaks,
    healthMs: stats(health),
    serverCpuMsPerMessage: +(cpuMs / messages).toFixed(2),
    // The bench process itself (sandbox control calls, the health sampler and every subscriber's client).
    benchCpuMsPerMessage: +((benchCpu.user + benchCpu.system) / 1000 / messages).toFixed(2),
  };
}

const loadBefore = (await import("node:os")).loadavg();
const results = [];
let run = 0;
for (const count of levels) {
  for (const transport of transports) {
    run += 1;
    results.push(await measure(transport, count, run));
    console.error(JSON.stringify(results.at(-1)));
  }
}
console.log(
  JSON.stringify(
    {
      bench: "event-latency",
      messagesPerLevel: messages,
      ratePerSec: rate,
      loadavgBefore: loadBefore.map((l) => +l.toFixed(2)),
      loadavgAfter: (await import("node:os")).loadavg().map((l) => +l.toFixed(2)),
      storedMessages: await db().message.count(),
      results,
    },
    null,
    2,
  ),
);
await app.stop();
await db().$disconnect();
process.exit(0);
