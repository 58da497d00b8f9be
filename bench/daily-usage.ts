/**
 * The daily-limit read every send makes, as an owner's day fills up (issue 15, send path).
 *   npx tsx bench/daily-usage.ts [levels=0,10000,100000] [reads=300]
 * At each level (the owner's outgoing messages stored today) it times `reads` runs of the read the send path makes
 * now (readDailyUsage: the owner's SendCount spans since midnight) and of the count it replaced (today's messages
 * counted from the owner index, kept here as the reference), one after the other in the same run: p50/p95 in ms.
 * Uses its own database (switchboard_bench_usage), recreated each run.
 */
import { freshBenchDatabase } from "./support/bench-database";

const [levelArg = "0,10000,100000", readsArg = "300"] = process.argv.slice(2);
const levels = levelArg.split(",").map(Number);
const reads = Number(readsArg);
await freshBenchDatabase("mysql://root@127.0.0.1:3306/switchboard_bench_usage");

const { db } = await import("../src/server/db");
const { closeDriverPool, driverParam, driverPool } = await import("../src/server/db/driver-pool");
const { readDailyUsage, startOfToday } = await import("../src/server/services/messages/daily-usage");

/** The count every send ran before SendCount (migration owner_send_counts). */
const COUNTED_SQL = `SELECT u.dailyMessageLimit,
       (SELECT COUNT(*) FROM \`Message\` m
         WHERE m.ownerId = u.id AND m.direction = 'outgoing' AND m.status <> 'failed' AND m.timestamp >= ?) AS sentToday
  FROM \`User\` u WHERE u.id = ?`;

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return +(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN).toFixed(2);
};

async function timed(read: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  const ms: number[] = [];
  for (let i = 0; i < reads; i += 1) {
    const t0 = performance.now();
    await read();
    ms.push(performance.now() - t0);
  }
  return { p50: percentile(ms, 50), p95: percentile(ms, 95) };
}

const owner = await db().user.create({ data: { username: "busy", email: "busy@example.test", passwordHash: "x", dailyMessageLimit: 1_000_000 } });
const device = await db().device.create({ data: { deviceId: "bench-usage", deviceName: "busy", ownerId: owner.id } });

/** Today's outgoing messages, spread from midnight to now, inserted 1,000 per statement (the triggers count them). */
async function storeToday(count: number, offset: number): Promise<void> {
  const start = startOfToday().getTime();
  const span = Math.max(1, Date.now() - start);
  for (let done = 0; done < count; done += 1000) {
    const rows = Array.from({ length: Math.min(1000, count - done) }, (_, i) => {
      const n = offset + done + i;
      const at = driverParam(new Date(start + Math.floor((n * 7919) % span)));
      return [device.id, owner.id, `BENCH${n}`, "6281@s.whatsapp.net", "6280@s.whatsapp.net", "6281@s.whatsapp.net", "Halo", n % 10 === 0 ? "failed" : "delivered", at, at, at];
    });
    await driverPool().query(
      `INSERT INTO \`Message\` (\`deviceId\`, \`ownerId\`, \`waMessageId\`, \`chatJid\`, \`fromJid\`, \`toJid\`, \`content\`, \`status\`, \`timestamp\`, \`createdAt\`, \`updatedAt\`, \`direction\`, \`type\`)
       VALUES ${rows.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'outgoing', 'text')").join(", ")}`,
      rows.flat(),
    );
  }
}

const results = [];
let stored = 0;
for (const level of levels) {
  await storeToday(level - stored, stored);
  stored = level;
  const counted = async () => driverPool().query(COUNTED_SQL, [driverParam(startOfToday()), owner.id]);
  const [check] = await driverPool().query<Array<{ sentToday: number }>>(COUNTED_SQL, [driverParam(startOfToday()), owner.id]);
  const usage = await readDailyUsage(owner.id);
  if (Number(check?.sentToday) !== usage?.sentToday) throw new Error(`the counts disagree: ${check?.sentToday} counted, ${usage?.sentToday} summed`);
  results.push({
    messagesToday: level,
    sentToday: usage.sentToday,
    spansMs: await timed(() => readDailyUsage(owner.id)),
    countedMs: await timed(counted),
  });
}

console.log(JSON.stringify({ bench: "daily-usage", reads, results, node: process.version }, null, 2));
await closeDriverPool();
await db().$disconnect();
