import { spawn } from "node:child_process";
import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import mariadb from "mariadb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StartedSandbox } from "../../../src/sandbox";
import { parseDatabaseUrl } from "../../../src/server/db/database-url";
import { db } from "../../../src/server/db";
import { eventBus } from "../../../src/server/events/bus";
import { scheduleMessage } from "../../../src/server/services/scheduled/schedule-message";
import type { ConnectionManager } from "../../../src/server/whatsapp/manager";
import { callerFor, createUser, type TestUser } from "../../helpers/actors";
import { dropDatabase, siblingDatabaseUrl } from "../../helpers/database-server";
import { resetDb } from "../../helpers/db";
import { AppClient, startApp, type RunningApp } from "../../helpers/http-app";
import { makePdf, makePng } from "../../helpers/media-files";
import { uploadedMediaId } from "../../helpers/media-upload";
import { TEST_DATABASE_URL } from "../../helpers/test-env";
import { pairByQr, startTestManager, startTestSandbox, stopTestManager, uniquePhone, waitForEvent } from "../../helpers/whatsapp";

const repo = path.resolve(import.meta.dirname, "../../..");
const restoredUrl = siblingDatabaseUrl(TEST_DATABASE_URL, "restored");
const sourceMedia = process.env.MEDIA_DIR!;
let sandbox: StartedSandbox;
let manager: ConnectionManager | undefined;
let work: string;
let owner: TestUser;
let device: { id: number; deviceId: string; ownerId: number; phone: string };
let restoredApp: RunningApp | undefined;

/** Runs an ops CLI (scripts/ops/*.ts) the way `npm run backup|restore` does. */
function cli(script: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(repo, "scripts/ops", script), ...args], {
      cwd: repo,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.once("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

async function withConnection<T>(url: string, body: (conn: mariadb.Connection) => Promise<T>): Promise<T> {
  const conn = await mariadb.createConnection({ ...parseDatabaseUrl(url), bigIntAsNumber: true });
  try {
    return await body(conn);
  } finally {
    await conn.end();
  }
}

/** Every table's row count and CHECKSUM TABLE (row contents), plus trigger names: equal means the same data. */
async function fingerprint(url: string): Promise<{ tables: Record<string, { rows: number; checksum: string }>; triggers: string[] }> {
  const database = parseDatabaseUrl(url).database;
  return withConnection(url, async (conn) => {
    const names = ((await conn.query("SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME", [database])) as Array<{ t: string }>).map((r) => r.t);
    const tables: Record<string, { rows: number; checksum: string }> = {};
    for (const name of names) {
      const [count] = (await conn.query(`SELECT COUNT(*) AS n FROM \`${name}\``)) as Array<{ n: number }>;
      const [sum] = (await conn.query(`CHECKSUM TABLE \`${name}\``)) as Array<{ Checksum: number | string }>;
      tables[name] = { rows: Number(count!.n), checksum: String(sum!.Checksum) };
    }
    const triggers = ((await conn.query("SELECT TRIGGER_NAME AS t FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?", [database])) as Array<{ t: string }>).map((r) => r.t);
    return { tables, triggers };
  });
}

async function filesIn(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const rel = path.relative(dir, full);
    if (rel.split(path.sep)[0] === "tmp") continue;
    files.set(rel, await readFile(full));
  }
  return files;
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  await resetDb();
  await dropDatabase(restoredUrl);
  work = await mkdtemp(path.join(tmpdir(), "switchboard-backup-"));
  manager = startTestManager(sandbox);
  const admin = await callerFor(await createUser("admin"));
  owner = await createUser("user", { dailyMessageLimit: 100 });
  const me = await callerFor(owner);
  const created = await admin.device.create({ ownerId: owner.id, deviceName: "Toko Cadangan" });
  const phone = uniquePhone();
  await pairByQr(sandbox, me, created.deviceId, phone);
  device = { id: created.id, deviceId: created.deviceId, ownerId: owner.id, phone };

  // Messages both ways, a received photo and an uploaded document (media files), schedules (one with the document).
  const contact = uniquePhone();
  sandbox.createAccount({ phone: contact, name: "Pelanggan" });
  await me.message.sendText({ deviceId: device.deviceId, to: `+${contact}`, text: "Pesanan Anda dikirim hari ini" });
  const since = eventBus().lastId;
  await sandbox.sendMedia(contact, phone, { kind: "image", data: makePng(40, 30), mimetype: "image/png", caption: "Bukti transfer" });
  await waitForEvent("message.received", (d) => d.deviceId === device.deviceId && d.mediaId !== null, { since });
  const docId = await uploadedMediaId(owner, makePdf("Penawaran"), "Penawaran.pdf");
  const tomorrow = new Date(Date.now() + 24 * 3600_000);
  const actor = { actor: { id: owner.id, role: "user" as const }, meta: { ip: "127.0.0.1" } };
  await scheduleMessage({ ...actor, device, to: `+${contact}`, text: "Pengingat pembayaran", at: tomorrow, timezone: "Asia/Jakarta" });
  await scheduleMessage({ ...actor, device, to: `+${contact}`, text: "Penawaran terlampir", media: { mediaId: docId, sendAs: "auto" }, at: tomorrow, timezone: "Asia/Jakarta" });
  // Devices stay paired (autoConnect) when the process stops: the restored app must bring this one back by itself.
  await stopTestManager(manager);
  manager = undefined;
}, 180_000);

afterAll(async () => {
  await restoredApp?.stop();
  await stopTestManager(manager);
  await sandbox?.close();
  await dropDatabase(restoredUrl);
  if (work) await rm(work, { recursive: true, force: true });
});

describe("[OPS][BACKUP] npm run backup / npm run restore", () => {
  it("round-trips users, devices with credentials, messages, media and schedules; the restored app reconnects without a QR", { timeout: 240_000 }, async () => {
    const original = await fingerprint(TEST_DATABASE_URL);
    for (const table of ["User", "Device", "WaAuthEntry", "Message", "MediaFile", "ScheduledMessage", "ChatThread", "_prisma_migrations"]) {
      expect(original.tables[table]?.rows, table).toBeGreaterThan(0);
    }
    expect(await db().scheduledMessage.count()).toBe(2);
    expect(await db().mediaFile.count()).toBeGreaterThanOrEqual(2);
    const originalFiles = await filesIn(sourceMedia);
    expect(originalFiles.size).toBeGreaterThanOrEqual(2);

    const out = path.join(work, "backup");
    const backedUp = await cli("backup.ts", ["--out", out], { DATABASE_URL: TEST_DATABASE_URL, MEDIA_DIR: sourceMedia });
    expect(backedUp.stderr).toBe("");
    expect(backedUp.code).toBe(0);
    const manifest = JSON.parse(await readFile(path.join(out, "manifest.json"), "utf8")) as { migrations: { latest: string; applied: string[] }; media: { files: number } };
    const migrations = (await readdir(path.join(repo, "prisma/migrations"), { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    expect(manifest.migrations).toEqual({ latest: migrations.at(-1), applied: migrations });
    expect(manifest.media.files).toBe(originalFiles.size);
    // No secret in the dump's command line or output: the password travels in MYSQL_PWD (none here, but no URL either).
    expect(backedUp.stdout).not.toContain("mysql://");

    // A non-empty media folder is refused before anything is written to the (empty) database.
    const busyMedia = path.join(work, "busy-media");
    await mkdir(busyMedia);
    await writeFile(path.join(busyMedia, "someone-elses.bin"), "x");
    const refusedMedia = await cli("restore.ts", [out], { DATABASE_URL: restoredUrl, MEDIA_DIR: busyMedia });
    expect(refusedMedia.code).toBe(1);
    expect(refusedMedia.stderr).toContain("is not empty");
    expect(Object.keys((await fingerprint(restoredUrl)).tables)).toEqual([]);

    const restoredMedia = path.join(work, "restored-media");
    const restored = await cli("restore.ts", [out], { DATABASE_URL: restoredUrl, MEDIA_DIR: restoredMedia });
    expect(restored.stderr).toBe("");
    expect(restored.code).toBe(0);
    expect(await fingerprint(restoredUrl)).toEqual(original);
    expect(await filesIn(restoredMedia)).toEqual(originalFiles);

    // Restoring again over the now populated database is refused, and changes nothing.
    const again = await cli("restore.ts", [out], { DATABASE_URL: restoredUrl, MEDIA_DIR: path.join(work, "other-media") });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`${parseDatabaseUrl(restoredUrl).database} is not empty`);
    expect(await fingerprint(restoredUrl)).toEqual(original);

    // The restored instance: its users sign in, and its device reconnects from the restored credentials — no QR.
    restoredApp = await startApp(undefined, {
      DATABASE_URL: restoredUrl,
      MEDIA_DIR: restoredMedia,
      WA_SANDBOX_URL: `http://127.0.0.1:${sandbox.port}`,
    });
    const client = new AppClient(restoredApp.baseUrl);
    await client.signIn(owner.email, owner.password);
    const reconnected = await withConnection(restoredUrl, async (conn) => {
      // The restored app runs in another process: its device row is watched until it leaves the restore path.
      for (;;) {
        const [row] = (await conn.query("SELECT status, phoneNumber FROM Device WHERE deviceId = ?", [device.deviceId])) as Array<{ status: string; phoneNumber: string }>;
        if (row && row.status !== "disconnected" && row.status !== "connecting") return row;
        await new Promise((r) => setTimeout(r, 50));
      }
    });
    // qr_required would have ended the watch: the device came back from its credentials alone.
    expect(reconnected).toEqual({ status: "connected", phoneNumber: `+${device.phone}` });
    let ready: unknown;
    for (let attempt = 0; attempt < 200; attempt++) {
      const res = await fetch(`${restoredApp.baseUrl}/api/ready`);
      ready = await res.json();
      if (res.status === 200) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(ready).toMatchObject({ ready: true, whatsapp: { phase: "done", total: 1, connected: 1 } });
  });
});
