/**
 * Media through the app against the sandbox, per file size:
 *   npx tsx bench/media-round-trip.ts [rounds=3] [sizesMiB=0.1,1,5,16]
 * - upload: POST /api/media's service streaming the body to MEDIA_DIR (hash, sniff, limit) → MB/s
 * - send: message.sendMedia (Baileys encrypts from disk, uploads over HTTPS) → the contact's phone has downloaded,
 *   verified (fileEncSha256, MAC, fileSha256) and decrypted it
 * - receive: a contact sends the file → the app has downloaded, checked the SHA-256 and stored it (message.received)
 * and the process RSS before and after the largest files (streaming keeps it flat; Baileys' encryption buffers
 * only small chunks). Documents of random bytes, so no image thumbnailing skews the figures. Own database
 * (switchboard_bench_media) and media folder, recreated each run.
 */
import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

const rounds = Number(process.argv[2] ?? 3);
const sizesMiB = (process.argv[3] ?? "0.1,1,5,16").split(",").map(Number);
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? "mysql://root@127.0.0.1:3306/switchboard_bench_media";
const MEDIA_DIR = path.join(tmpdir(), `switchboard-bench-media-${process.pid}`);
Object.assign(process.env, {
  DATABASE_URL,
  MEDIA_DIR,
  NEXTAUTH_SECRET: "bench-secret-bench-secret-bench",
  WA_AUTH_KEY: "3".repeat(64),
  LOG_LEVEL: "silent",
  WA_MODE: "sandbox",
});

const mariadb = (await import("mariadb")).default;
const { parseDatabaseUrl } = await import("../src/server/db/database-url");
const { migrate } = await import("../src/server/db/migrate");
const opts = parseDatabaseUrl(DATABASE_URL);
const admin = await mariadb.createConnection({ host: opts.host, port: opts.port, user: opts.user, password: opts.password });
await admin.query(`DROP DATABASE IF EXISTS \`${opts.database}\``);
await admin.end();
await migrate(DATABASE_URL, path.resolve(import.meta.dirname, "../prisma/migrations"));

const { db } = await import("../src/server/db");
const { eventBus } = await import("../src/server/events/bus");
const { createCaller } = await import("../src/server/api/root");
const { createContext } = await import("../src/server/api/context");
const { installSandboxRoot, sandboxMediaRequestOptions, sandboxSocketConfig, startSandbox } = await import("../src/sandbox/index");
const { ConnectionManager } = await import("../src/server/whatsapp/manager");
const { installInbound } = await import("../src/server/services/inbound/install-inbound");
const { installConnectionManager } = await import("../src/server/whatsapp/registry");
const { ensureSignatureVerification } = await import("../src/server/whatsapp/signature-verification");
const { uploadMediaResponse } = await import("../src/server/services/media/upload-media");

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return +(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN).toFixed(1);
};
const mib = (bytes: number) => +(bytes / 1024 / 1024).toFixed(1);

ensureSignatureVerification();
const sandbox = await startSandbox({ receipts: { mode: "none" } });
installSandboxRoot(sandbox.rootPublicKey);
const config = sandboxSocketConfig(sandbox.wsUrl, sandbox.mediaCertPem);
installInbound();
const manager = new ConnectionManager({ socketConfig: () => config, mediaRequestOptions: sandboxMediaRequestOptions(sandbox.mediaCertPem) });
installConnectionManager(manager);

const user = await db().user.create({
  data: { username: "bench", email: "bench@example.test", passwordHash: "x", role: "admin", dailyMessageLimit: 1_000_000, maxDevices: 10 },
});
const session = { id: user.id, role: "admin" as const, sessionVersion: 0 };
const caller = createCaller(createContext({ headers: new Headers({ "x-forwarded-for": "127.0.0.1" }), session }));
const appPhone = sandbox.createAccount({ phone: "15550400900", name: "App shop" }).phone;
const contact = sandbox.createAccount({ phone: "15550400001", name: "Contact" }).phone;
const device = await caller.device.create({ ownerId: user.id, deviceName: "bench" });
const bus = eventBus();

function nextEvent<T>(pick: (e: ReturnType<typeof bus.replay>[number]) => T | undefined): Promise<T> {
  const stop = new AbortController();
  const live = bus.stream(stop.signal);
  return (async () => {
    for await (const e of live) {
      const value = pick(e);
      if (value !== undefined) {
        stop.abort();
        return value;
      }
    }
    throw new Error("event stream ended");
  })();
}

const firstQr = nextEvent((e) => (e.name === "device.qr" && e.data.deviceId === device.deviceId ? e.data.qr : undefined));
const connected = nextEvent((e) => (e.name === "device.status" && e.data.deviceId === device.deviceId && e.data.status === "connected" ? true : undefined));
await caller.device.connect({ deviceId: device.deviceId });
await sandbox.scanQR(await firstQr, appPhone);
await connected;

async function upload(bytes: Buffer, name: string): Promise<{ id: number; ms: number }> {
  const t0 = performance.now();
  const res = await uploadMediaResponse(
    session,
    new Request("http://bench/api/media", { method: "POST", body: bytes, headers: { "x-file-name": name }, duplex: "half" } as RequestInit),
  );
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${await res.text()}`);
  const { id } = (await res.json()) as { id: number };
  return { id, ms: performance.now() - t0 };
}

async function sendOnce(bytes: Buffer, name: string): Promise<{ uploadMs: number; sendMs: number }> {
  const { id, ms } = await upload(bytes, name);
  const t0 = performance.now();
  const sent = await caller.message.sendMedia({ deviceId: device.deviceId, to: `+${contact}`, mediaId: id });
  const got = await sandbox.waitForInbox(contact, (m) => m.id === sent.waMessageId, 120_000);
  if (got.media?.error || got.media?.size !== bytes.length) throw new Error(`contact did not verify the file: ${JSON.stringify(got.media)}`);
  return { uploadMs: ms, sendMs: performance.now() - t0 };
}

async function receiveOnce(bytes: Buffer, name: string): Promise<number> {
  const stored = nextEvent((e) => (e.name === "message.received" && e.data.deviceId === device.deviceId ? e.data : undefined));
  const t0 = performance.now();
  await sandbox.sendMedia(contact, appPhone, { kind: "document", data: bytes, mimetype: "application/octet-stream", fileName: name });
  const event = await stored;
  if (event.mediaId === null) throw new Error("the app did not store the incoming file");
  return performance.now() - t0;
}

// Warm-up: Signal sessions both ways and the media connection.
await sendOnce(randomBytes(1024), "warm.bin");
await receiveOnce(randomBytes(1024), "warm.bin");

const rows = [];
for (const size of sizesMiB) {
  const bytes = Math.round(size * 1024 * 1024);
  const uploads: number[] = [];
  const sends: number[] = [];
  const receives: number[] = [];
  const rssBefore = process.memoryUsage().rss;
  for (let r = 0; r < rounds; r += 1) {
    const file = randomBytes(bytes);
    file[0] = 0; // never mistaken for text
    const sent = await sendOnce(file, `bench-${size}-${r}.bin`);
    uploads.push(sent.uploadMs);
    sends.push(sent.sendMs);
    receives.push(await receiveOnce(randomBytes(bytes), `in-${size}-${r}.bin`));
  }
  rows.push({
    sizeMiB: size,
    uploadMBps: +((bytes / 1024 / 1024) / (percentile(uploads, 50) / 1000)).toFixed(1),
    uploadMs: { p50: percentile(uploads, 50), max: percentile(uploads, 100) },
    sendToVerifiedMs: { p50: percentile(sends, 50), max: percentile(sends, 100) },
    receiveToStoredMs: { p50: percentile(receives, 50), max: percentile(receives, 100) },
    // The whole process: the in-process sandbox keeps every blob and every received file in memory (capped).
    processRssMiB: { before: mib(rssBefore), after: mib(process.memoryUsage().rss) },
  });
}

console.log(JSON.stringify({ bench: "media-round-trip", rounds, results: rows, storedFiles: await db().mediaFile.count(), node: process.version }, null, 2));
await manager.shutdown();
await sandbox.close();
await rm(MEDIA_DIR, { recursive: true, force: true });
// Baileys leaves a 30 s prekey-upload timer behind (WA-PROTOCOL P5): do not wait for it.
process.exit(0);
