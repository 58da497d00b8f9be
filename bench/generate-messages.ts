/**
 * Fills a benchmark database with realistic message traffic for `bench/chat-queries.ts` (SPEC §8: queries at 1M messages).
 *   npx tsx bench/generate-messages.ts [--messages 1000000] [--devices 20] [--chats 2000] [--days 90] [--users 10]
 *   BENCH_DATABASE_URL (default mysql://root@127.0.0.1:3306/switchboard_bench) — the database is dropped and re-migrated.
 * Messages arrive in time order (ids grow with timestamps, as in production), across devices and chats with a
 * skewed popularity (a few busy chats, a long tail), mostly in local daytime, at second precision so equal
 * timestamps occur. A third of the chat partners are saved contacts; incoming messages carry a pushName; one message in
 * ten is a photo or a document with its MediaFile row (so chat queries load media as they do in production).
 * Loading is bulk: the Message table's secondary indexes, foreign keys and ChatThread trigger are set aside while rows
 * go in by primary key, then rebuilt in one ALTER (a sorted build, not 10M random index inserts into a 128 MB pool);
 * ChatThread is filled from what the generator tracked per chat, and its awaitingReply by the migration's own rule.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import mariadb from "mariadb";
import { parseDatabaseUrl } from "../src/server/db/database-url";
import { migrate } from "../src/server/db/migrate";

export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? "mysql://root@127.0.0.1:3306/switchboard_bench";

const { values } = parseArgs({
  options: {
    messages: { type: "string", default: "1000000" },
    devices: { type: "string", default: "20" },
    chats: { type: "string", default: "2000" },
    days: { type: "string", default: "90" },
    users: { type: "string", default: "10" },
    batch: { type: "string", default: "2000" },
  },
});
const MESSAGES = Number(values.messages);
const DEVICES = Number(values.devices);
const CHATS = Number(values.chats);
const DAYS = Number(values.days);
const USERS = Number(values.users);
const BATCH = Number(values.batch);
const MEDIA_FILES = 2000;
const MEDIA_SHARE = 0.1;

const PHRASES = [
  "Halo kak, apakah produk ini masih ready?",
  "Terima kasih, pesanan sudah kami terima",
  "Boleh minta info ongkir ke Bandung?",
  "Hi, is the blue one still available in size M?",
  "Pembayaran sudah saya transfer ya",
  "Your order has been shipped, tracking number follows",
  "Jam buka toko hari Minggu sampai jam berapa?",
  "Can I change the delivery address?",
  "Siap, ditunggu kabarnya",
  "Invoice for this month is attached",
  "Promo akhir pekan: diskon 20% untuk semua item",
  "Thanks! See you tomorrow at 10",
];
const NAMES = ["Budi", "Siti", "Andi", "Dewi", "Rina", "Agus", "Maya", "Joko", "Lina", "Tono", "Sari", "Eko", "Alice", "Bob", "Carol"];

/** Deterministic PRNG so two runs produce the same data set. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(42);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
/** Skewed index in [0, n): chat 0 is the busiest, with a long tail. */
const skewed = (n: number): number => Math.min(n - 1, Math.floor(n * random() ** 2.5));

const chatPhone = (device: number, chat: number): string => `628${(100_000_000 + device * 10_000 + chat).toString()}`;
const devicePhone = (device: number): string => `6281900${(10_000 + device).toString()}`;

/** What the Message insert trigger would have kept per chat (ids grow with arrival: among equal timestamps the larger id is later). */
interface Thread {
  deviceId: number;
  chatJid: string;
  lastAt: Date;
  lastMessageId: number;
  lastOutgoingAt: Date | null;
  pushName: string | null;
  pushNameAt: Date | null;
}

function track(threads: Map<string, Thread>, deviceId: number, chatJid: string, id: number, at: Date, incoming: boolean, pushName: string | null): void {
  const key = `${deviceId}|${chatJid}`;
  let t = threads.get(key);
  if (!t) {
    t = { deviceId, chatJid, lastAt: at, lastMessageId: id, lastOutgoingAt: null, pushName: null, pushNameAt: null };
    threads.set(key, t);
  }
  if (at >= t.lastAt) {
    t.lastAt = at;
    t.lastMessageId = id;
  }
  if (!incoming && (t.lastOutgoingAt === null || at >= t.lastOutgoingAt)) t.lastOutgoingAt = at;
  if (incoming && pushName !== null && (t.pushNameAt === null || at >= t.pushNameAt)) {
    t.pushName = pushName;
    t.pushNameAt = at;
  }
}

interface Deferred {
  trigger: string;
  clauses: string[];
}

/** Drops Message's secondary indexes, foreign keys and insert trigger, returning what rebuilds them. */
async function setAsideMessageIndexes(conn: mariadb.Connection): Promise<Deferred> {
  const [table] = await conn.query<Array<{ "Create Table": string }>>("SHOW CREATE TABLE `Message`");
  const lines = (table?.["Create Table"] ?? "").split("\n").map((l) => l.trim().replace(/,$/, ""));
  const keys = lines.filter((l) => /^(UNIQUE KEY|KEY|FULLTEXT KEY) /.test(l));
  const constraints = lines.filter((l) => /^CONSTRAINT .* FOREIGN KEY/.test(l));
  const [trigger] = await conn.query<Array<{ "SQL Original Statement": string }>>("SHOW CREATE TRIGGER `Message_chatThread_ai`");
  const name = (l: string) => /`([^`]+)`/.exec(l)?.[1] ?? "";
  await conn.query("DROP TRIGGER `Message_chatThread_ai`");
  await conn.query(`ALTER TABLE \`Message\` ${constraints.map((c) => `DROP FOREIGN KEY \`${name(c)}\``).join(", ")}`);
  await conn.query(`ALTER TABLE \`Message\` ${keys.map((k) => `DROP INDEX \`${name(k)}\``).join(", ")}`);
  return { trigger: trigger?.["SQL Original Statement"] ?? "", clauses: [...keys, ...constraints] };
}

async function restoreMessageIndexes(conn: mariadb.Connection, deferred: Deferred): Promise<void> {
  const fulltext = deferred.clauses.filter((c) => c.startsWith("FULLTEXT"));
  const rest = deferred.clauses.filter((c) => !c.startsWith("FULLTEXT"));
  await conn.query(`ALTER TABLE \`Message\` ${rest.map((c) => `ADD ${c}`).join(", ")}`);
  // InnoDB builds one FULLTEXT index per ALTER.
  for (const f of fulltext) await conn.query(`ALTER TABLE \`Message\` ADD ${f}`);
  await conn.query(deferred.trigger);
}

async function fillChatThreads(conn: mariadb.Connection, threads: Map<string, Thread>): Promise<void> {
  const rows = [...threads.values()].map((t) => [t.deviceId, t.chatJid, t.lastAt, t.lastMessageId, t.lastOutgoingAt, t.pushName, t.pushNameAt]);
  // One transaction: autocommit would flush the log once per row.
  await conn.beginTransaction();
  await conn.batch(
    "INSERT INTO `ChatThread` (deviceId, chatJid, lastAt, lastMessageId, lastOutgoingAt, pushName, pushNameAt) VALUES (?, ?, ?, ?, ?, ?, ?)",
    rows,
  );
  await conn.commit();
  // Same rule as the chat_thread_summary migration's backfill: incoming messages after the last outgoing one, capped.
  await conn.query(`UPDATE \`ChatThread\` t SET \`awaitingReply\` = LEAST(21, (
    SELECT COUNT(*) FROM \`Message\` m
    WHERE m.\`deviceId\` = t.\`deviceId\` AND m.\`chatJid\` = t.\`chatJid\` AND m.\`direction\` = 'incoming'
      AND (t.\`lastOutgoingAt\` IS NULL OR m.\`timestamp\` > t.\`lastOutgoingAt\` OR (m.\`timestamp\` = t.\`lastOutgoingAt\` AND m.\`id\` > (
        SELECT MAX(o.\`id\`) FROM \`Message\` o
        WHERE o.\`deviceId\` = t.\`deviceId\` AND o.\`chatJid\` = t.\`chatJid\` AND o.\`direction\` = 'outgoing' AND o.\`timestamp\` = t.\`lastOutgoingAt\`)))))`);
}

async function main(): Promise<void> {
  const opts = parseDatabaseUrl(BENCH_DATABASE_URL);
  const admin = await mariadb.createConnection({ host: opts.host, port: opts.port, user: opts.user, password: opts.password });
  await admin.query(`DROP DATABASE IF EXISTS \`${opts.database}\``);
  await admin.end();
  await migrate(BENCH_DATABASE_URL, path.resolve(import.meta.dirname, "../prisma/migrations"));

  const conn = await mariadb.createConnection({ ...opts });
  const started = performance.now();
  try {
    await conn.query("SET unique_checks = 0, foreign_key_checks = 0");
    const deferred = await setAsideMessageIndexes(conn);
    for (let u = 0; u < USERS; u++) {
      await conn.query("INSERT INTO `User` (id, username, email, passwordHash, role, updatedAt) VALUES (?, ?, ?, 'x', ?, NOW(3))", [
        u + 1,
        `bench${u}`,
        `bench${u}@example.test`,
        u === 0 ? "admin" : "user",
      ]);
    }
    for (let d = 0; d < DEVICES; d++) {
      await conn.query(
        "INSERT INTO `Device` (id, deviceId, deviceName, ownerId, phoneNumber, status, updatedAt) VALUES (?, ?, ?, ?, ?, 'connected', NOW(3))",
        [d + 1, `bench-device-${d}`, `Bench line ${d}`, (d % USERS) + 1, `+${devicePhone(d)}`],
      );
      const contacts: unknown[] = [];
      for (let c = 0; c < CHATS; c += 3) contacts.push([(d % USERS) + 1, `${pick(NAMES)} ${d}-${c}`, `+${chatPhone(d, c)}`, `${chatPhone(d, c)}@s.whatsapp.net`]);
      await conn.batch("INSERT IGNORE INTO `Contact` (ownerId, name, phone, jid, updatedAt) VALUES (?, ?, ?, ?, NOW(3))", contacts);
    }

    const mediaFiles: unknown[] = [];
    for (let m = 0; m < MEDIA_FILES; m++) {
      const sha = m.toString(16).padStart(64, "0");
      const document = m % 3 === 0;
      mediaFiles.push([m + 1, (m % USERS) + 1, document ? "document" : "image", document ? "application/pdf" : "image/jpeg", 20_000 + m, sha, document ? `Invoice ${m}.pdf` : null, `${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`]);
    }
    await conn.batch(
      "INSERT INTO `MediaFile` (id, ownerId, kind, mimeType, size, sha256, fileName, storageKey, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'incoming')",
      mediaFiles,
    );

    const end = Date.now();
    const start = end - DAYS * 86_400_000;
    const step = (end - start) / MESSAGES;
    let clock = start;
    const threads = new Map<string, Thread>();
    const row = `(${Array.from({ length: 15 }, () => "?").join(", ")}, NOW(3))`;
    for (let offset = 0; offset < MESSAGES; offset += BATCH) {
      const size = Math.min(BATCH, MESSAGES - offset);
      const params: unknown[] = [];
      for (let i = 0; i < size; i++) {
        clock += step * 2 * random();
        // Daytime-heavy traffic: night-time messages are mostly moved to the afternoon of the same day.
        const at = new Date(Math.floor(clock / 1000) * 1000);
        const hour = (at.getUTCHours() + 7) % 24;
        if (hour < 7 && random() < 0.7) at.setTime(Math.min(at.getTime() + 8 * 3_600_000, end - (end % 1000)));
        const device = Math.floor(random() * DEVICES);
        const chat = skewed(CHATS);
        const phone = chatPhone(device, chat);
        const incoming = random() < 0.55;
        const jid = `${phone}@s.whatsapp.net`;
        const own = `${devicePhone(device)}@s.whatsapp.net`;
        const seq = offset + i;
        const mediaId = random() < MEDIA_SHARE ? 1 + Math.floor(random() * MEDIA_FILES) : null;
        const pushName = incoming ? pick(NAMES) : null;
        track(threads, device + 1, jid, seq + 1, at, incoming, pushName);
        params.push(
          seq + 1,
          device + 1,
          (device % USERS) + 1,
          `BENCH${seq.toString(16).toUpperCase().padStart(12, "0")}`,
          jid,
          incoming ? jid : own,
          incoming ? own : jid,
          mediaId === null ? "text" : mediaId % 3 === 1 ? "document" : "image",
          mediaId,
          `${pick(PHRASES)} #${seq}`,
          incoming ? "incoming" : "outgoing",
          incoming ? "delivered" : pick(["sent", "delivered", "read", "read", "read", "failed"]),
          at,
          pushName === null ? null : JSON.stringify({ pushName }),
          at,
        );
      }
      await conn.query(
        "INSERT INTO `Message` (id, deviceId, ownerId, waMessageId, chatJid, fromJid, toJid, type, mediaId, content, direction, status, `timestamp`, metadata, createdAt, updatedAt) VALUES " +
          Array.from({ length: size }, () => row).join(", "),
        params,
      );
      if ((offset / BATCH) % 50 === 0) {
        const done = offset + size;
        const seconds = (performance.now() - started) / 1000;
        console.log(`${done.toLocaleString("en")} / ${MESSAGES.toLocaleString("en")} messages (${Math.round(done / seconds)} rows/s)`);
      }
    }
    console.log(`rows loaded in ${((performance.now() - started) / 1000).toFixed(0)} s; rebuilding indexes and chat threads`);
    await restoreMessageIndexes(conn, deferred);
    console.log(`indexes rebuilt at ${((performance.now() - started) / 1000).toFixed(0)} s`);
    await fillChatThreads(conn, threads);
    console.log(`chat threads filled at ${((performance.now() - started) / 1000).toFixed(0)} s`);
    await conn.query("ANALYZE TABLE `Message`, `Contact`, `Device`, `MediaFile`, `ChatThread`");
  } finally {
    await conn.end();
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(JSON.stringify({ messages: MESSAGES, devices: DEVICES, chats: CHATS, days: DAYS, seconds: +seconds.toFixed(1), rowsPerSecond: Math.round(MESSAGES / seconds) }));
}

await main();
