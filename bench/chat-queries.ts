/**
 * Latency of the chat queries at scale (SPEC §8: p95 ≤ 30 ms at 1M messages), through the real services.
 *   npx tsx bench/generate-messages.ts            # once: fills switchboard_bench
 *   npx tsx bench/chat-queries.ts [--iterations 500] [--only admin.messages]   (--only: cases whose name contains it)
 * Each query runs sequentially (one request at a time, warm buffer pool) with randomised devices, chats, days and
 * cursors; prints p50/p95/p99 in milliseconds.
 */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: { iterations: { type: "string", default: "500" }, warmup: { type: "string", default: "30" }, only: { type: "string" } },
});
const ITERATIONS = Number(values.iterations);
const WARMUP = Number(values.warmup);

process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL ?? "mysql://root@127.0.0.1:3306/switchboard_bench";
process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench";
process.env.WA_AUTH_KEY ??= "0".repeat(64);
process.env.LOG_LEVEL ??= "silent";

const { db } = await import("../src/server/db");
const { closeDriverPool } = await import("../src/server/db/driver-pool");
const { chatHistory } = await import("../src/server/services/chat/chat-history");
const { dailyChatList } = await import("../src/server/services/chat/daily-chat-list");
const { listRecentChats } = await import("../src/server/services/chat/list-recent-chats");
const { searchMessages } = await import("../src/server/services/chat/search-messages");
const { encodeCursor } = await import("../src/server/services/chat/cursor");
const { listAdminMessages } = await import("../src/server/services/admin/list-admin-messages");

const prisma = db();
const devices = await prisma.device.findMany({ select: { id: true, deviceId: true, ownerId: true }, orderBy: { id: "asc" } });
const total = await prisma.message.count();
if (devices.length === 0 || total === 0) throw new Error("The bench database is empty: run bench/generate-messages.ts first");
const admin = { id: 1, role: "admin" as const };
const range = await prisma.message.aggregate({ _min: { timestamp: true }, _max: { timestamp: true } });
const firstDay = range._min.timestamp ?? new Date();
const days = Math.max(1, Math.floor(((range._max.timestamp ?? new Date()).getTime() - firstDay.getTime()) / 86_400_000));

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)] as T;

/** Per device: a sample of its chats (busy ones weighted as traffic is) and a cursor ~2,000 messages deep into its busiest chat. */
const fixtures = await Promise.all(
  devices.map(async (device) => {
    const sample = await prisma.message.findMany({ where: { deviceId: device.id }, select: { chatJid: true }, orderBy: { id: "desc" }, take: 400 });
    const [busiest] = await prisma.$queryRaw<Array<{ chatJid: string; n: bigint }>>`
      SELECT chatJid, COUNT(*) AS n FROM Message FORCE INDEX (Message_deviceId_chatJid_timestamp_idx) WHERE deviceId = ${device.id} GROUP BY chatJid ORDER BY n DESC LIMIT 1`;
    const chat = busiest?.chatJid ?? sample[0]?.chatJid ?? "";
    const deep = await prisma.message.findFirst({
      where: { deviceId: device.id, chatJid: chat },
      select: { id: true, timestamp: true },
      orderBy: [{ timestamp: "desc" }, { id: "desc" }],
      skip: Math.min(2000, Math.max(0, Number(busiest?.n ?? 1n) - 60)),
    });
    return { device, chats: sample.map((s) => s.chatJid), busiest: chat, deepCursor: encodeCursor(deep ?? undefined) ?? undefined };
  }),
);
const globalDeep = await prisma.message.findFirst({ select: { id: true, timestamp: true }, orderBy: { id: "asc" }, skip: Math.floor(total / 2) });

function randomDate(): string {
  return new Date(firstDay.getTime() + Math.floor(Math.random() * days) * 86_400_000 + 43_200_000).toISOString().slice(0, 10);
}

const cases: Array<{ name: string; run: () => Promise<unknown> }> = [
  {
    name: "chat.history first page (50)",
    run: () => {
      const f = pick(fixtures);
      return chatHistory({ device: f.device, chatJid: pick(f.chats), limit: 50 });
    },
  },
  {
    name: "chat.history deep page (~2,000 back)",
    run: () => {
      const f = pick(fixtures);
      return chatHistory({ device: f.device, chatJid: f.busiest, cursor: f.deepCursor, limit: 50 });
    },
  },
  {
    name: "chat.dailyChatList (random day)",
    run: () => dailyChatList({ device: pick(fixtures).device, includeGroups: false, date: randomDate(), timezone: "Asia/Jakarta", limit: 200 }),
  },
  {
    name: "chat.list recent chats (30)",
    run: () => listRecentChats({ device: pick(fixtures).device, includeGroups: false, limit: 30 }),
  },
  {
    name: "admin message list, all devices (50)",
    run: () => searchMessages({ actor: admin, timezone: "UTC", limit: 50 }),
  },
  {
    name: "admin message list, deep page",
    run: () => searchMessages({ actor: admin, timezone: "UTC", cursor: encodeCursor(globalDeep ?? undefined) ?? undefined, limit: 50 }),
  },
  {
    name: "admin message list, one device (50)",
    run: () => searchMessages({ actor: admin, deviceId: pick(fixtures).device.deviceId, timezone: "UTC", limit: 50 }),
  },
  {
    name: "admin.messages first page (50)",
    run: () => listAdminMessages({ limit: 50 }),
  },
  {
    name: "admin.messages deep page (50)",
    run: () => listAdminMessages({ cursor: encodeCursor(globalDeep ?? undefined) ?? undefined, limit: 50 }),
  },
  {
    name: "admin.messages one user (50)",
    run: () => listAdminMessages({ userId: pick(fixtures).device.ownerId, limit: 50 }),
  },
  {
    name: "admin.messages one device, failed (50)",
    run: () => listAdminMessages({ deviceId: pick(fixtures).device.deviceId, status: "failed", limit: 50 }),
  },
  {
    name: "admin.messages status only (50)",
    run: () => listAdminMessages({ status: "failed", limit: 50 }),
  },
  {
    name: "admin.messages direction only (50)",
    run: () => listAdminMessages({ direction: "incoming", limit: 50 }),
  },
  {
    name: "admin.messages one user, status (50)",
    run: () => listAdminMessages({ userId: pick(fixtures).device.ownerId, status: "failed", limit: 50 }),
  },
  {
    name: "admin.messages one device, direction (50)",
    run: () => listAdminMessages({ deviceId: pick(fixtures).device.deviceId, direction: "outgoing", limit: 50 }),
  },
  {
    name: "admin.messages status + direction (50)",
    run: () => listAdminMessages({ status: "read", direction: "outgoing", limit: 50 }),
  },
  {
    name: "admin.messages one day (50)",
    run: () => {
      const day = randomDate();
      return listAdminMessages({ from: day, to: day, limit: 50 });
    },
  },
  {
    name: "admin.messages text, all devices (50)",
    run: () => listAdminMessages({ text: pick(["ongkir", "invoice", "transfer"]), limit: 50 }),
  },
  {
    name: "admin.messages text, one device (50)",
    run: () => listAdminMessages({ deviceId: pick(fixtures).device.deviceId, text: pick(["ongkir", "invoice", "transfer"]), limit: 50 }),
  },
  {
    name: "admin.messages text + one day (50)",
    run: () => {
      const day = randomDate();
      return listAdminMessages({ from: day, to: day, text: pick(["ongkir", "invoice", "transfer"]), limit: 50 });
    },
  },
  {
    name: "user search, own devices (25)",
    run: () => searchMessages({ actor: { id: pick(fixtures.slice(1)).device.ownerId, role: "user" }, timezone: "UTC", limit: 25 }),
  },
  {
    name: "user search, one contact (25)",
    run: () => {
      const f = pick(fixtures.slice(1));
      return searchMessages({ actor: { id: f.device.ownerId, role: "user" }, contact: pick(f.chats), timezone: "UTC", limit: 25 });
    },
  },
  {
    name: "search text LIKE on one device (25)",
    run: () => searchMessages({ actor: admin, deviceId: pick(fixtures).device.deviceId, text: pick(["ongkir", "invoice", "transfer"]), timezone: "UTC", limit: 25 }),
  },
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const load = () => loadavg().map((l) => l.toFixed(2)).join(" ");
console.log(`${total.toLocaleString("en")} messages, ${devices.length} devices; ${ITERATIONS} iterations per query; load average ${load()}`);
const results: Array<Record<string, string | number>> = [];
for (const c of cases.filter((c) => !values.only || c.name.includes(values.only))) {
  for (let i = 0; i < WARMUP; i++) await c.run();
  const times: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const started = performance.now();
    await c.run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const row = {
    query: c.name,
    p50: +percentile(times, 50).toFixed(2),
    p95: +percentile(times, 95).toFixed(2),
    p99: +percentile(times, 99).toFixed(2),
    load: +loadavg()[0]!.toFixed(2),
  };
  results.push(row);
  console.log(
    `${row.query.padEnd(42)} p50 ${String(row.p50).padStart(7)} ms   p95 ${String(row.p95).padStart(7)} ms   p99 ${String(row.p99).padStart(7)} ms   load ${row.load}`,
  );
}
console.log(JSON.stringify(results));
await prisma.$disconnect();
await closeDriverPool();
