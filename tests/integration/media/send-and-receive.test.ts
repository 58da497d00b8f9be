import { readFile } from "node:fs/promises";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "../../../src/env";
import type { StartedSandbox } from "../../../src/sandbox";
import { db } from "../../../src/server/db";
import { eventBus } from "../../../src/server/events/bus";
import { mediaPath } from "../../../src/server/services/media/media-store";
import type { ConnectionManager } from "../../../src/server/whatsapp/manager";
import { callerFor, createUser, type Caller, type TestUser } from "../../helpers/actors";
import { uploadedMediaId } from "../../helpers/media-upload";
import { resetDb, rowCounts } from "../../helpers/db";
import { makeBinary, makeOggOpus, makePng, sha256 } from "../../helpers/media-files";
import { pairByQr, startTestManager, startTestSandbox, stopTestManager, uniquePhone, waitForEvent } from "../../helpers/whatsapp";

let sandbox: StartedSandbox;
let manager: ConnectionManager | undefined;
let owner: TestUser;
let admin: TestUser;
let stranger: TestUser;
let me: Caller;
let phone: string;
let device: { id: number; deviceId: string; ownerId: number };

async function storedBytes(mediaId: number): Promise<Buffer> {
  const media = await db().mediaFile.findUniqueOrThrow({ where: { id: mediaId } });
  return readFile(mediaPath(media.storageKey));
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});
beforeEach(async () => {
  await resetDb();
  manager = startTestManager(sandbox);
  admin = await createUser("admin");
  owner = await createUser();
  stranger = await createUser();
  me = await callerFor(owner);
  const created = await (await callerFor(admin)).device.create({ ownerId: owner.id, deviceName: "Toko Media" });
  device = { id: created.id, deviceId: created.deviceId, ownerId: owner.id };
  phone = uniquePhone();
  await pairByQr(sandbox, me, device.deviceId, phone);
});
afterEach(async () => {
  await stopTestManager(manager);
  manager = undefined;
  delete process.env.MEDIA_MAX_IMAGE_MB;
  resetEnvCache();
});

describe("[MEDIA][SEND]", () => {
  it("sends an image with its caption; the contact's phone decrypts and verifies identical bytes; receipts follow", async () => {
    const contact = uniquePhone();
    const png = makePng(64, 48);
    const mediaId = await uploadedMediaId(owner, png, "katalog.png");
    const since = eventBus().lastId;

    const sent = await me.message.sendMedia({ deviceId: device.deviceId, to: `+${contact}`, mediaId, caption: "Katalog terbaru" });
    expect(sent).toMatchObject({
      status: "sent",
      type: "image",
      content: "Katalog terbaru",
      media: { id: mediaId, kind: "image", mimeType: "image/png", size: png.length, fileName: "katalog.png" },
    });

    const inbox = await sandbox.waitForInbox(contact, (m) => m.id === sent.waMessageId);
    expect(inbox).toMatchObject({ text: "Katalog terbaru", media: { kind: "image", mimetype: "image/png", size: png.length, sha256: sha256(png) } });
    expect(inbox.media?.error).toBeUndefined();
    expect(sandbox.inboxMedia(contact, inbox.id)).toEqual(png);
    await waitForEvent("message.status", (d) => d.messageId === sent.id && d.status === "read", { since });
  });

  it("sends a document with its file name, an audio file, and an Ogg/Opus voice note", async () => {
    const contact = uniquePhone();
    const doc = makeBinary(210_000);
    const docSent = await me.message.sendMedia({
      deviceId: device.deviceId,
      to: contact,
      mediaId: await uploadedMediaId(owner, doc, "Invoice 0042.bin"),
      caption: "Invoice bulan ini",
    });
    expect(docSent).toMatchObject({ type: "document", content: "Invoice bulan ini" });
    const docInbox = await sandbox.waitForInbox(contact, (m) => m.id === docSent.waMessageId);
    expect(docInbox.media).toMatchObject({ kind: "document", fileName: "Invoice 0042.bin", sha256: sha256(doc), size: doc.length });

    const ogg = makeOggOpus(4000);
    const noteId = await uploadedMediaId(owner, ogg, "pesan.ogg");
    const note = await me.message.sendMedia({ deviceId: device.deviceId, to: contact, mediaId: noteId, voiceNote: true });
    expect(note).toMatchObject({ type: "audio", content: null, media: { kind: "audio" } });
    const noteInbox = await sandbox.waitForInbox(contact, (m) => m.id === note.waMessageId);
    expect(noteInbox.media).toMatchObject({ kind: "audio", ptt: true, sha256: sha256(ogg) });

    const asDocument = await me.message.sendMedia({ deviceId: device.deviceId, to: contact, mediaId: noteId, sendAs: "document" });
    expect(asDocument).toMatchObject({ type: "document", content: "pesan.ogg" });
    const asDocumentInbox = await sandbox.waitForInbox(contact, (m) => m.id === asDocument.waMessageId);
    expect(asDocumentInbox.media).toMatchObject({ kind: "document", fileName: "pesan.ogg", sha256: sha256(ogg) });
  });

  it("refuses another user's upload, a voice note that is not Ogg/Opus and a captioned audio — writing no message", async () => {
    const theirs = await uploadedMediaId(stranger, makePng(8, 8), "theirs.png");
    const png = await uploadedMediaId(owner, makePng(8, 8), "mine.png");
    const ogg = await uploadedMediaId(owner, makeOggOpus(), "note.ogg");
    const before = await rowCounts();
    await expect(me.message.sendMedia({ deviceId: device.deviceId, to: uniquePhone(), mediaId: theirs })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "The file to send was not found; upload it again",
    });
    await expect(me.message.sendMedia({ deviceId: device.deviceId, to: uniquePhone(), mediaId: png, voiceNote: true })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Only an audio file can be sent as a voice note",
    });
    await expect(me.message.sendMedia({ deviceId: device.deviceId, to: uniquePhone(), mediaId: ogg, caption: "hai" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Audio messages cannot have a caption; send the text separately",
    });
    expect(await rowCounts()).toEqual(before);
  });

  it("validates input with clear messages and writes nothing", async () => {
    const before = await rowCounts();
    const cases: Array<[Parameters<Caller["message"]["sendMedia"]>[0], string]> = [
      [{ deviceId: device.deviceId, to: uniquePhone(), mediaId: -1 }, "Choose a file to send"],
      [{ deviceId: device.deviceId, to: uniquePhone(), mediaId: 1, caption: "x".repeat(1025) }, "A caption can be at most 1024 characters"],
      [{ deviceId: device.deviceId, to: "+999 1234", mediaId: 1 }, "unknown country code"],
      [{ deviceId: device.deviceId, to: uniquePhone(), mediaId: 1, sendAs: "sticker" as "auto" }, "sendAs must be"],
    ];
    for (const [input, message] of cases) {
      await expect(me.message.sendMedia(input)).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining(message) });
    }
    expect(await rowCounts()).toEqual(before);
  });

  it("an admin sending their own upload from a user's device gives the owner a copy they can open", async () => {
    const png = makePng(16, 16);
    const adminUpload = await uploadedMediaId(admin, png, "promo.png");
    const sent = await (await callerFor(admin)).message.sendMedia({ deviceId: device.deviceId, to: uniquePhone(), mediaId: adminUpload });
    expect(sent.media?.id).not.toBe(adminUpload);
    const copy = await db().mediaFile.findUniqueOrThrow({ where: { id: sent.media!.id } });
    expect(copy).toMatchObject({ ownerId: owner.id, sha256: sha256(png) });
    expect(await storedBytes(copy.id)).toEqual(png);
  });
});

describe("[MEDIA][RECEIVE]", () => {
  it("downloads an incoming image, stores it for the device's owner and announces it with its media id", async () => {
    const contact = uniquePhone();
    const png = makePng(32, 32);
    const since = eventBus().lastId;
    const waId = await sandbox.sendMedia(contact, phone, { kind: "image", data: png, mimetype: "image/png", caption: "Bukti transfer" });

    const received = await waitForEvent("message.received", (d) => d.deviceId === device.deviceId && d.type === "image", { since });
    expect(received.data).toMatchObject({ content: "Bukti transfer", mediaId: expect.any(Number) });
    const row = await db().message.findUniqueOrThrow({ where: { id: received.data.messageId }, include: { media: true } });
    expect(row).toMatchObject({ waMessageId: waId, direction: "incoming", type: "image", content: "Bukti transfer" });
    expect(row.media).toMatchObject({ ownerId: owner.id, source: "incoming", kind: "image", mimeType: "image/png", sha256: sha256(png) });
    expect(await storedBytes(row.media!.id)).toEqual(png);

    const history = await me.chat.history({ deviceId: device.deviceId, chatJid: `${contact}@s.whatsapp.net` });
    expect(history.items[0]).toMatchObject({ type: "image", media: { id: row.media!.id, kind: "image", size: png.length } });
  });

  it("keeps a document's file name and a voice note's audio", async () => {
    const contact = uniquePhone();
    const doc = makeBinary(50_000);
    const since = eventBus().lastId;
    await sandbox.sendMedia(contact, phone, { kind: "document", data: doc, mimetype: "application/pdf", fileName: "Penawaran.pdf" });
    const docEvent = await waitForEvent("message.received", (d) => d.deviceId === device.deviceId && d.type === "document", { since });
    const docRow = await db().mediaFile.findUniqueOrThrow({ where: { id: docEvent.data.mediaId! } });
    // The bytes are not a PDF: the sender's label is kept only because a document is never shown inline.
    expect(docRow).toMatchObject({ kind: "document", fileName: "Penawaran.pdf", mimeType: "application/pdf", size: doc.length });

    const ogg = makeOggOpus(3000);
    await sandbox.sendMedia(contact, phone, { kind: "audio", data: ogg, mimetype: "audio/ogg; codecs=opus", ptt: true });
    const noteEvent = await waitForEvent("message.received", (d) => d.deviceId === device.deviceId && d.type === "audio", { since });
    expect(await storedBytes(noteEvent.data.mediaId!)).toEqual(ogg);
  });

  it("stores a burst of photos, each with its own bytes, once", async () => {
    const contact = uniquePhone();
    const photos = [makePng(30, 30), makePng(31, 31), makePng(32, 32), makePng(33, 33), makePng(34, 34)];
    const since = eventBus().lastId;
    const ids = await Promise.all(photos.map((data, i) => sandbox.sendMedia(contact, phone, { kind: "image", data, mimetype: "image/png", caption: `foto ${i}` })));
    for (let i = 0; i < photos.length; i += 1) {
      await waitForEvent("message.received", (d) => d.deviceId === device.deviceId && d.content === `foto ${i}`, { since });
    }
    const rows = await db().message.findMany({ where: { waMessageId: { in: ids } }, include: { media: true }, orderBy: { id: "asc" } });
    expect(rows).toHaveLength(photos.length);
    for (const row of rows) {
      const index = Number(row.content?.replace("foto ", ""));
      expect(row.media?.sha256).toBe(sha256(photos[index]!));
    }
  });

  it("asks the sender's phone to upload a file the media server no longer has, then stores it", async () => {
    const contact = uniquePhone();
    const png = makePng(20, 20);
    const downloads: number[] = [];
    const onRequest = (e: { method: string; status: number }) => {
      if (e.method === "GET") downloads.push(e.status);
    };
    sandbox.events.on("media-request", onRequest);
    const since = eventBus().lastId;
    await sandbox.sendMedia(contact, phone, { kind: "image", data: png, mimetype: "image/png", caption: "foto lama", expired: true });
    const received = await waitForEvent("message.received", (d) => d.deviceId === device.deviceId && d.type === "image", { since });
    expect(received.data).toMatchObject({ content: "foto lama", mediaId: expect.any(Number) });
    expect(await storedBytes(received.data.mediaId!)).toEqual(png);
    sandbox.events.off("media-request", onRequest);
    expect(downloads).toEqual([404, 200]);
  });

  it("stores an incoming file over the limit as a message without media, with the reason", async () => {
    process.env.MEDIA_MAX_IMAGE_MB = "0.01";
    resetEnvCache();
    const contact = uniquePhone();
    const since = eventBus().lastId;
    await sandbox.sendMedia(contact, phone, { kind: "image", data: makePng(100, 100), mimetype: "image/png", caption: "terlalu besar" });
    const received = await waitForEvent("message.received", (d) => d.deviceId === device.deviceId && d.type === "image", { since });
    expect(received.data).toMatchObject({ content: "terlalu besar", mediaId: null });
    const row = await db().message.findUniqueOrThrow({ where: { id: received.data.messageId } });
    expect(row.mediaId).toBeNull();
    expect(row.metadata).toMatchObject({ mediaError: expect.stringContaining("limit") });
    expect(await db().mediaFile.count()).toBe(0);
  });
});
