import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { StartedSandbox } from "../../../src/sandbox";
import { db } from "../../../src/server/db";
import { eventBus } from "../../../src/server/events/bus";
import type { WorkRunner } from "../../../src/server/jobs/runner";
import type { ConnectionManager } from "../../../src/server/whatsapp/manager";
import { callerFor, createUser, type Caller, type TestUser } from "../../helpers/actors";
import { uploadedMediaId } from "../../helpers/media-upload";
import { resetDb, rowCounts } from "../../helpers/db";
import { makeBinary, makeOggOpus, makePng, sha256 } from "../../helpers/media-files";
import { pairByQr, startTestManager, startTestSandbox, stopTestManager, uniquePhone } from "../../helpers/whatsapp";
import { inOneHour, makeDue, nowIso, startTestRunner, waitForScheduled } from "./helpers";

let sandbox: StartedSandbox;
let manager: ConnectionManager | undefined;
let runner: WorkRunner | undefined;
let owner: TestUser;
let stranger: TestUser;
let me: Caller;
let device: { id: number; deviceId: string; ownerId: number };

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});
beforeEach(async () => {
  await resetDb();
  manager = startTestManager(sandbox);
  const admin = await createUser("admin");
  owner = await createUser();
  stranger = await createUser();
  me = await callerFor(owner);
  const created = await (await callerFor(admin)).device.create({ ownerId: owner.id, deviceName: "Toko Jadwal" });
  device = { id: created.id, deviceId: created.deviceId, ownerId: owner.id };
  await pairByQr(sandbox, me, device.deviceId, uniquePhone());
});
afterEach(async () => {
  await runner?.stop();
  runner = undefined;
  await stopTestManager(manager);
  manager = undefined;
});

describe("[SCHEDULED][MEDIA]", () => {
  it("sends a scheduled image with its caption when due, and lists it with its file", async () => {
    runner = startTestRunner();
    const contact = uniquePhone();
    const png = makePng(24, 24);
    const mediaId = await uploadedMediaId(owner, png, "brosur.png");
    const since = eventBus().lastId;
    const scheduled = await me.message.schedule({
      deviceId: device.deviceId,
      to: contact,
      text: "Brosur promo",
      mediaId,
      scheduleTime: nowIso(),
      timezone: "Asia/Jakarta",
    });
    expect(scheduled).toMatchObject({ content: "Brosur promo", mediaType: "image", media: { id: mediaId, kind: "image", fileName: "brosur.png" } });

    const sent = await waitForScheduled(scheduled.id, "sent", since);
    const message = await db().message.findUniqueOrThrow({ where: { id: sent.data.messageId! } });
    expect(message).toMatchObject({ type: "image", content: "Brosur promo", mediaId });
    const inbox = await sandbox.waitForInbox(contact, (m) => m.id === message.waMessageId);
    expect(inbox).toMatchObject({ text: "Brosur promo", media: { kind: "image", sha256: sha256(png) } });
  });

  it("resends a media row stored before a crash under its own id, and the phone shows it once", async () => {
    const contact = uniquePhone();
    const doc = makeBinary(30_000);
    const mediaId = await uploadedMediaId(owner, doc, "kontrak.bin");
    const scheduled = await me.message.schedule({ deviceId: device.deviceId, to: contact, mediaId, scheduleTime: inOneHour(), timezone: "UTC" });
    expect(scheduled).toMatchObject({ content: null, mediaType: "document" });
    // The state a crash between storing the row and sending it leaves behind.
    const stored = await db().message.create({
      data: {
        deviceId: device.id,
        ownerId: owner.id,
        waMessageId: manager!.newMessageId(device.deviceId),
        chatJid: `${contact}@s.whatsapp.net`,
        fromJid: "",
        toJid: `${contact}@s.whatsapp.net`,
        type: "document",
        content: "kontrak.bin",
        mediaId,
        direction: "outgoing",
        status: "pending",
      },
    });
    await db().scheduledMessage.update({ where: { id: scheduled.id }, data: { sentMessageId: stored.id, attempts: 1 } });
    await makeDue(scheduled.id);
    const since = eventBus().lastId;
    runner = startTestRunner();

    await waitForScheduled(scheduled.id, "sent", since);
    const inbox = await sandbox.waitForInbox(contact, (m) => m.id === stored.waMessageId);
    expect(inbox.media).toMatchObject({ kind: "document", fileName: "kontrak.bin", sha256: sha256(doc) });
    // A document without a caption stores its file name as content: the resend must not turn it into a caption.
    expect(inbox.media?.caption).toBeUndefined();
    expect(sandbox.inbox(contact)).toHaveLength(1);
    expect(await db().message.count()).toBe(1);
  });

  it("fails with a clear reason when the file was deleted before it was due", async () => {
    const mediaId = await uploadedMediaId(owner, makePng(8, 8), "hapus.png");
    const scheduled = await me.message.schedule({ deviceId: device.deviceId, to: uniquePhone(), mediaId, scheduleTime: inOneHour(), timezone: "UTC" });
    await db().mediaFile.delete({ where: { id: mediaId } });
    await makeDue(scheduled.id);
    const since = eventBus().lastId;
    runner = startTestRunner();
    const failed = await waitForScheduled(scheduled.id, "failed", since);
    expect(failed.data.error).toBe("The file of this scheduled message was deleted");
    expect(await db().message.count()).toBe(0);
  });

  it("refuses neither text nor file, another user's file and a captioned audio — writing nothing", async () => {
    const theirs = await uploadedMediaId(stranger, makePng(8, 8), "theirs.png");
    const ogg = await uploadedMediaId(owner, makeOggOpus(), "note.ogg");
    const base = { deviceId: device.deviceId, to: uniquePhone(), scheduleTime: inOneHour(), timezone: "UTC" };
    const before = await rowCounts();
    await expect(me.message.schedule({ ...base, text: "  " })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("Enter a message") });
    await expect(me.message.schedule({ ...base, mediaId: theirs })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(me.message.schedule({ ...base, mediaId: ogg, text: "hai" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Audio messages cannot have a caption; send the text separately",
    });
    await expect(me.message.schedule({ ...base, mediaId: ogg, text: "x".repeat(1025) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("A caption can be at most 1024 characters"),
    });
    expect(await rowCounts()).toEqual(before);
  });
});
