import { existsSync, readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "../../../src/env";
import type { SessionUser } from "../../../src/server/api/context";
import { db } from "../../../src/server/db";
import { mediaPath, mediaRoot } from "../../../src/server/services/media/media-store";
import { serveMediaResponse } from "../../../src/server/services/media/serve-media";
import { callerFor, createUser, type TestUser } from "../../helpers/actors";
import { uploadAs } from "../../helpers/media-upload";
import { resetDb, rowCounts } from "../../helpers/db";
import { makeBinary, makeOggOpus, makePng, sha256 } from "../../helpers/media-files";

interface UploadBody {
  id: number;
  kind: string;
  mimeType: string;
  size: number;
  fileName: string | null;
  sha256: string;
}

async function sessionOf(user: TestUser): Promise<SessionUser> {
  const row = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } });
  return { id: user.id, role: user.role, sessionVersion: row.sessionVersion };
}

async function upload(user: TestUser, bytes: Uint8Array, opts: Parameters<typeof uploadAs>[2] = {}) {
  const res = await uploadAs(user, bytes, opts);
  return { status: res.status, body: (await res.json()) as UploadBody & { error?: string; code?: string } };
}

async function fetchMedia(user: TestUser | null, id: number | string, opts: { range?: string; query?: string } = {}) {
  const request = new Request(`http://app.test/api/media/${id}${opts.query ?? ""}`, { headers: opts.range ? { range: opts.range } : {} });
  return serveMediaResponse(user ? await sessionOf(user) : null, String(id), request);
}

function tmpFiles(): string[] {
  const dir = path.join(mediaRoot(), "tmp");
  return existsSync(dir) ? readdirSync(dir) : [];
}

let owner: TestUser;
let stranger: TestUser;
let admin: TestUser;

beforeEach(async () => {
  await resetDb();
  owner = await createUser();
  stranger = await createUser();
  admin = await createUser("admin");
});
afterEach(() => {
  delete process.env.MEDIA_MAX_IMAGE_MB;
  resetEnvCache();
});

describe("[MEDIA][UPLOAD]", () => {
  it("stores the bytes under their hash and takes the type from the bytes, not from the client", async () => {
    const png = makePng(40, 30);
    const { status, body } = await upload(owner, png, { name: "../../etc/Foto Toko.png", type: "text/plain" });
    expect(status).toBe(201);
    expect(body).toEqual({ id: expect.any(Number), kind: "image", mimeType: "image/png", size: png.length, fileName: "Foto Toko.png", sha256: sha256(png) });
    const row = await db().mediaFile.findUniqueOrThrow({ where: { id: body.id } });
    expect(row).toMatchObject({ ownerId: owner.id, source: "upload", kind: "image", sha256: sha256(png) });
    expect(await readFile(mediaPath(row.storageKey))).toEqual(png);
    expect(tmpFiles()).toEqual([]);
  });

  it("files HTML labelled as a PNG as a document, and the same bytes twice share one stored file", async () => {
    const html = Buffer.from("<html><body><script>alert(document.cookie)</script></body></html>");
    const first = await upload(owner, html, { name: "cat.png", type: "image/png" });
    expect(first.body).toMatchObject({ kind: "document", mimeType: "text/plain" });
    const second = await upload(stranger, html, { name: "again.png", type: "image/png" });
    const rows = await db().mediaFile.findMany({ where: { id: { in: [first.body.id, second.body.id] } } });
    expect(rows.map((r) => r.ownerId).sort()).toEqual([owner.id, stranger.id].sort());
    expect(new Set(rows.map((r) => r.storageKey)).size).toBe(1);
  });

  it("recognises an Ogg/Opus voice note and an unknown binary as audio and document", async () => {
    expect((await upload(owner, makeOggOpus(), { name: "note.ogg" })).body).toMatchObject({ kind: "audio", mimeType: expect.stringMatching(/^audio\/ogg/) });
    expect((await upload(owner, makeBinary(3000), { name: "data.bin" })).body).toMatchObject({ kind: "document", mimeType: "application/octet-stream" });
  });

  it("applies the limit of the kind the bytes show, keeps nothing of a refused file, and allows other kinds", async () => {
    process.env.MEDIA_MAX_IMAGE_MB = "0.05"; // 52,428 bytes
    resetEnvCache();
    const before = await rowCounts();
    const bigPng = makePng(150, 150); // ~67 KB
    const refused = await upload(owner, bigPng, { name: "big.png" });
    expect(refused.status).toBe(413);
    expect(refused.body).toMatchObject({ code: "TOO_LARGE", error: "This image is too large: the limit for image files is 51 KB" });
    expect(await rowCounts()).toEqual(before);
    expect(tmpFiles()).toEqual([]);
    expect(existsSync(path.join(mediaRoot(), sha256(bigPng).slice(0, 2), sha256(bigPng).slice(2, 4), sha256(bigPng)))).toBe(false);

    const smallPng = makePng(60, 60); // ~11 KB
    expect((await upload(owner, smallPng, { name: "small.png" })).status).toBe(201);
    const doc = makeBinary(80_000);
    expect((await upload(owner, doc, { name: "report.bin" })).body).toMatchObject({ kind: "document", size: 80_000 });
  });

  it("refuses a body announced as larger than any limit before reading it", async () => {
    const res = await uploadAs(owner, makeBinary(10), { headers: { "content-length": String(3 * 1024 ** 3) } });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: "TOO_LARGE" });
    expect(await db().mediaFile.count()).toBe(0);
  });

  it("refuses an empty file, a missing name header, anonymous and locked callers — and writes nothing", async () => {
    const before = await rowCounts();
    expect(await upload(owner, new Uint8Array(0))).toMatchObject({ status: 400, body: { code: "EMPTY", error: "The file is empty" } });
    expect(await upload(owner, makePng(4, 4), { name: null })).toMatchObject({ status: 400, body: { code: "BAD_REQUEST" } });
    const anonymous = await uploadAs(null, makePng(4, 4));
    expect(anonymous.status).toBe(401);
    await db().user.update({ where: { id: owner.id }, data: { isActive: false } });
    expect((await uploadAs(owner, makePng(4, 4))).status).toBe(401);
    expect(await rowCounts()).toEqual(before);
    expect(tmpFiles()).toEqual([]);
  });
});

describe("[MEDIA][SERVE]", () => {
  it("serves the owner's bytes inline for images, with ranges, and refuses an unsatisfiable range", async () => {
    const png = makePng(20, 20);
    const { body } = await upload(owner, png, { name: "logo.png" });
    const whole = await fetchMedia(owner, body.id);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-type")).toBe("image/png");
    expect(whole.headers.get("content-disposition")).toBe(`inline; filename="logo.png"; filename*=UTF-8''logo.png`);
    expect(whole.headers.get("x-content-type-options")).toBe("nosniff");
    expect(whole.headers.get("content-security-policy")).toContain("sandbox");
    expect(Buffer.from(await whole.arrayBuffer())).toEqual(png);

    const part = await fetchMedia(owner, body.id, { range: "bytes=10-19" });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 10-19/${png.length}`);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(png.subarray(10, 20));
    const tail = await fetchMedia(owner, body.id, { range: "bytes=-5" });
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(png.subarray(png.length - 5));

    const bad = await fetchMedia(owner, body.id, { range: `bytes=${png.length + 10}-` });
    expect(bad.status).toBe(416);
    expect(bad.headers.get("content-range")).toBe(`bytes */${png.length}`);
    expect((await fetchMedia(owner, body.id, { query: "?download=1" })).headers.get("content-disposition")).toMatch(/^attachment;/);
  });

  it("never shows a document inline, and names files with non-ASCII names safely", async () => {
    const { body } = await upload(owner, Buffer.from("<svg onload=alert(1)>"), { name: "Laporan Mei—final.html" });
    const res = await fetchMedia(owner, body.id);
    expect(res.headers.get("content-type")).toBe("text/plain");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="Laporan Mei_final.html"; filename*=UTF-8''${encodeURIComponent("Laporan Mei—final.html")}`,
    );
  });

  it("opens a file to whoever owns a message showing it (a device reassigned to them), and to nobody else", async () => {
    const { body } = await upload(owner, makePng(8, 8), { name: "sent.png" });
    const device = await db().device.create({ data: { deviceId: "device-media-assign", deviceName: "Moved", ownerId: stranger.id } });
    expect((await fetchMedia(stranger, body.id)).status).toBe(404);
    await db().message.create({
      data: { deviceId: device.id, ownerId: stranger.id, chatJid: "x@s.whatsapp.net", fromJid: "", toJid: "x@s.whatsapp.net", type: "image", direction: "outgoing", mediaId: body.id },
    });
    expect((await fetchMedia(stranger, body.id)).status).toBe(200);
    const third = await createUser();
    expect((await fetchMedia(third, body.id)).status).toBe(404);
  });

  it("is NOT_FOUND for another user, open to admins, UNAUTHORIZED for anonymous and BAD_REQUEST for a bad id", async () => {
    const { body } = await upload(owner, makePng(8, 8), { name: "private.png" });
    expect((await fetchMedia(stranger, body.id)).status).toBe(404);
    expect((await fetchMedia(admin, body.id)).status).toBe(200);
    expect((await fetchMedia(null, body.id)).status).toBe(401);
    expect((await fetchMedia(owner, "12abc")).status).toBe(400);
    expect((await fetchMedia(owner, body.id + 1000)).status).toBe(404);
  });
});

describe("[MEDIA][LIMITS]", () => {
  it("tells signed-in callers the per-kind limits in bytes and refuses anonymous ones", async () => {
    process.env.MEDIA_MAX_IMAGE_MB = "2";
    resetEnvCache();
    const limits = await (await callerFor(owner)).message.mediaLimits();
    expect(limits).toEqual({ image: 2 * 1024 * 1024, video: 64 * 1024 * 1024, audio: 16 * 1024 * 1024, document: 100 * 1024 * 1024 });
    await expect((await callerFor(null)).message.mediaLimits()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
