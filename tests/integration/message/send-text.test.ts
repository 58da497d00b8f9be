import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { StartedSandbox } from "../../../src/sandbox";
import { db } from "../../../src/server/db";
import { eventBus } from "../../../src/server/events/bus";
import { ZMessageSchema } from "../../../src/server/api/routers/message/message-schema";
import { readSentMessage } from "../../../src/server/services/messages/read-sent-message";
import { storeIncomingMessage } from "../../../src/server/services/messages/store-incoming-message";
import { updateOutgoingStatus } from "../../../src/server/services/messages/update-outgoing-status";
import type { ConnectionManager } from "../../../src/server/whatsapp/manager";
import { callerFor, createUser, type Caller, type TestUser } from "../../helpers/actors";
import { resetDb, rowCounts } from "../../helpers/db";
import {
  eventsSince,
  pairByQr,
  startTestManager,
  startTestSandbox,
  stopTestManager,
  uniquePhone,
  waitForEvent,
  type EventOf,
} from "../../helpers/whatsapp";

let sandbox: StartedSandbox;
let manager: ConnectionManager | undefined;
let owner: TestUser;
let me: Caller;
let phone: string;
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
  owner = await createUser("user", { dailyMessageLimit: 3 });
  me = await callerFor(owner);
  const created = await (await callerFor(admin)).device.create({ ownerId: owner.id, deviceName: "Toko Budi" });
  device = { id: created.id, deviceId: created.deviceId, ownerId: owner.id };
  phone = uniquePhone();
  await pairByQr(sandbox, me, device.deviceId, phone);
});
afterEach(async () => {
  await stopTestManager(manager);
  manager = undefined;
});

function statusEvents(since: number, messageId: number): Array<EventOf<"message.status">["data"]> {
  return eventsSince(since, device.deviceId)
    .filter((e): e is EventOf<"message.status"> => e.name === "message.status" && e.data.messageId === messageId)
    .map((e) => e.data);
}

describe("[MESSAGE][SEND]", () => {
  it("stores the message pending before sending, then sent → delivered → read with one event per step", async () => {
    const contact = uniquePhone();
    const local = `0${contact.slice(2, 5)}-${contact.slice(5, 9)}-${contact.slice(9)}`;
    const since = eventBus().lastId;
    const pendingSeen = waitForEvent("message.status", (d) => d.deviceId === device.deviceId && d.status === "pending", { since }).then(
      async (event) => ({ event, row: await db().message.findUniqueOrThrow({ where: { id: event.data.messageId } }) }),
    );

    const sent = await me.message.sendText({ deviceId: device.deviceId, to: local, text: "Halo, pesanan Anda siap" });
    expect(sent).toMatchObject({
      status: "sent",
      direction: "outgoing",
      type: "text",
      content: "Halo, pesanan Anda siap",
      chatJid: `${contact}@s.whatsapp.net`,
      toJid: `${contact}@s.whatsapp.net`,
      fromJid: `${phone}@s.whatsapp.net`,
      device: { deviceId: device.deviceId },
    });
    expect(sent.waMessageId).toBeTruthy();
    expect(sent).not.toHaveProperty("metadata");

    const { event: pending, row: pendingRow } = await pendingSeen;
    expect(pending.data).toEqual({ deviceId: device.deviceId, messageId: sent.id, waMessageId: sent.waMessageId, status: "pending", error: null });
    expect(pending.scope).toEqual({ ownerId: owner.id });
    expect(pendingRow.waMessageId).toBe(sent.waMessageId);

    await waitForEvent("message.status", (d) => d.messageId === sent.id && d.status === "read", { since });
    expect(statusEvents(since, sent.id).map((d) => d.status)).toEqual(["pending", "sent", "delivered", "read"]);
    expect(await db().message.findUniqueOrThrow({ where: { id: sent.id } })).toMatchObject({ status: "read", error: null });
    const inbox = await sandbox.waitForInbox(contact, (m) => m.id === sent.waMessageId);
    expect(inbox).toMatchObject({ text: "Halo, pesanan Anda siap", from: phone });
  });

  it("keeps a message at sent when the contact sends no receipts", async () => {
    const contact = uniquePhone();
    sandbox.setReceipts(contact, { mode: "none" });
    const since = eventBus().lastId;
    const sent = await me.message.sendText({ deviceId: device.deviceId, to: `+${contact}`, text: "Tes" });
    await sandbox.waitForInbox(contact, (m) => m.id === sent.waMessageId);
    expect(statusEvents(since, sent.id).map((d) => d.status)).toEqual(["pending", "sent"]);
    expect(await db().message.findUniqueOrThrow({ where: { id: sent.id } })).toMatchObject({ status: "sent" });
  });

  it("answers with the message exactly as stored, for its owner and for an admin sending from the owner's device", async () => {
    const contact = uniquePhone();
    sandbox.setReceipts(contact, { mode: "none" });
    const admin = await createUser("admin");
    await db().user.update({ where: { id: admin.id }, data: { fullName: "Siti Admin" } });
    await db().device.update({ where: { id: device.id }, data: { deviceName: "Toko Budi Pusat" } });
    for (const caller of [me, await callerFor(admin)]) {
      const sent = await caller.message.sendText({ deviceId: device.deviceId, to: `+${contact}`, text: "Pesanan 🚚 sudah dikirim" });
      await sandbox.waitForInbox(contact, (m) => m.id === sent.waMessageId);
      // The API's view of the row read back (it names the sender only when that is not the owner).
      expect(sent).toEqual(ZMessageSchema.parse(await readSentMessage(sent.id)));
    }
    expect(await db().message.count({ where: { sentById: admin.id } })).toBe(1);
  });

  it("enforces the owner's daily message limit with LIMIT_EXCEEDED and writes nothing", async () => {
    const contact = `+${uniquePhone()}`;
    sandbox.setReceipts(contact.slice(1), { mode: "none" });
    for (let i = 0; i < 3; i += 1) await me.message.sendText({ deviceId: device.deviceId, to: contact, text: `Pesan ${i}` });
    const before = await rowCounts();
    const error = await me.message.sendText({ deviceId: device.deviceId, to: contact, text: "Satu lagi" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "FORBIDDEN", cause: { code: "LIMIT_EXCEEDED" } });
    expect(String((error as Error).message)).toContain("daily limit of 3");
    expect(await rowCounts()).toEqual(before);
    // An admin sending from the user's device is held to the owner's limit too.
    const admin = await callerFor(await createUser("admin"));
    await expect(admin.message.sendText({ deviceId: device.deviceId, to: contact, text: "Admin" })).rejects.toMatchObject({
      cause: { code: "LIMIT_EXCEEDED" },
    });
  });

  it("refuses to send from a disconnected device without writing anything", async () => {
    await me.device.disconnect({ deviceId: device.deviceId });
    const before = await rowCounts();
    await expect(me.message.sendText({ deviceId: device.deviceId, to: "+6281299990000", text: "Halo" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      cause: { code: "DEVICE_NOT_CONNECTED" },
    });
    expect(await rowCounts()).toEqual(before);
  });
});

describe("[MESSAGE][RECEIVE]", () => {
  it("stores a contact's message once and publishes message.received", async () => {
    const contact = uniquePhone();
    const since = eventBus().lastId;
    const waId = await sandbox.sendText(contact, phone, "Apakah toko buka hari ini?");
    const received = await waitForEvent("message.received", (d) => d.deviceId === device.deviceId, { since });
    expect(received.scope).toEqual({ ownerId: owner.id });
    expect(received.data).toMatchObject({
      deviceId: device.deviceId,
      chatJid: `${contact}@s.whatsapp.net`,
      fromJid: `${contact}@s.whatsapp.net`,
      type: "text",
      content: "Apakah toko buka hari ini?",
    });
    const row = await db().message.findUniqueOrThrow({ where: { id: received.data.messageId } });
    expect(row).toMatchObject({ waMessageId: waId, direction: "incoming", ownerId: owner.id, toJid: `${phone}@s.whatsapp.net` });

    // WhatsApp redelivers after reconnects: the same id is stored once and announced once.
    const again = await storeIncomingMessage({
      device,
      waMessageId: waId,
      chatJid: row.chatJid,
      fromJid: row.fromJid,
      toJid: row.toJid,
      type: "text",
      content: "dup",
      timestamp: new Date(),
      pushName: null,
    });
    expect(again).toBeNull();
    expect(await db().message.count({ where: { deviceId: device.id, direction: "incoming" } })).toBe(1);
    expect(eventsSince(since, device.deviceId).filter((e) => e.name === "message.received")).toHaveLength(1);
  });

  it("lists a device's messages newest first with cursor paging and a chat filter", async () => {
    const alice = uniquePhone();
    const bob = uniquePhone();
    sandbox.setReceipts(alice, { mode: "none" });
    const since = eventBus().lastId;
    await me.message.sendText({ deviceId: device.deviceId, to: `+${alice}`, text: "satu" });
    await me.message.sendText({ deviceId: device.deviceId, to: `+${alice}`, text: "dua" });
    await sandbox.sendText(bob, phone, "tiga");
    await waitForEvent("message.received", (d) => d.deviceId === device.deviceId, { since });

    const first = await me.message.list({ deviceId: device.deviceId, limit: 2 });
    expect(first.items.map((m) => m.content)).toEqual(["tiga", "dua"]);
    expect(first.nextCursor).not.toBeNull();
    const second = await me.message.list({ deviceId: device.deviceId, limit: 2, cursor: first.nextCursor ?? undefined });
    expect(second).toMatchObject({ items: [{ content: "satu" }], nextCursor: null });
    const chat = await me.message.list({ deviceId: device.deviceId, chatJid: `${alice}@s.whatsapp.net` });
    expect(chat.items.map((m) => m.content)).toEqual(["dua", "satu"]);
    const incoming = await me.message.list({ deviceId: device.deviceId, direction: "incoming" });
    expect(incoming.items.map((m) => m.content)).toEqual(["tiga"]);
  });
});

describe("[MESSAGE][STATUS] receipts only move a message forward", () => {
  it("ignores late and repeated receipts, allows failed only before delivery", async () => {
    const row = await db().message.create({
      data: {
        deviceId: device.id,
        ownerId: owner.id,
        waMessageId: "TESTMSG1",
        chatJid: "6281200000001@s.whatsapp.net",
        fromJid: `${phone}@s.whatsapp.net`,
        toJid: "6281200000001@s.whatsapp.net",
        content: "x",
        direction: "outgoing",
      },
    });
    const since = eventBus().lastId;
    const move = (status: "sent" | "delivered" | "read" | "failed") => updateOutgoingStatus({ device, waMessageId: "TESTMSG1", status, error: "boom" });
    expect(await move("delivered")).toBe(true);
    expect(await move("sent")).toBe(false);
    expect(await move("delivered")).toBe(false);
    expect(await move("failed")).toBe(false);
    expect(await move("read")).toBe(true);
    expect(await move("read")).toBe(false);
    expect(statusEvents(since, row.id).map((d) => d.status)).toEqual(["delivered", "read"]);
    expect(await db().message.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "read", error: null });
  });
});
