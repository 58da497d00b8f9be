import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { StartedSandbox } from "../../../src/sandbox";
import { db } from "../../../src/server/db";
import { eventBus } from "../../../src/server/events/bus";
import type { WorkRunner } from "../../../src/server/jobs/runner";
import { scheduleMessage } from "../../../src/server/services/scheduled/schedule-message";
import type { ConnectionManager } from "../../../src/server/whatsapp/manager";
import { callerFor, createUser, type Caller, type TestUser } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";
import {
  eventsSince,
  pairByQr,
  startTestManager,
  startTestSandbox,
  stopTestManager,
  uniquePhone,
  waitForEvent,
  waitForStatus,
} from "../../helpers/whatsapp";
import { inOneHour, makeDue, nowIso, startTestRunner, waitForScheduled } from "./helpers";

let sandbox: StartedSandbox;
let manager: ConnectionManager | undefined;
let runner: WorkRunner | undefined;
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
  owner = await createUser();
  me = await callerFor(owner);
  const created = await (await callerFor(admin)).device.create({ ownerId: owner.id, deviceName: "Toko Budi" });
  device = { id: created.id, deviceId: created.deviceId, ownerId: owner.id };
  phone = uniquePhone();
  await pairByQr(sandbox, me, device.deviceId, phone);
});
afterEach(async () => {
  await runner?.stop();
  runner = undefined;
  await stopTestManager(manager);
  manager = undefined;
});

const inboxTexts = (contact: string) => sandbox.inbox(contact).map((m) => m.text);

describe("[SCHEDULED][DELIVERY]", () => {
  it("sends a due message once, on time, and links the row to its Message", async () => {
    runner = startTestRunner();
    const contact = uniquePhone();
    const since = eventBus().lastId;
    const scheduled = await me.message.schedule({ deviceId: device.deviceId, to: `+${contact}`, text: "Promo hari ini", scheduleTime: nowIso(), timezone: "Asia/Jakarta" });
    expect(scheduled).toMatchObject({ status: "pending", target: `+${contact}`, timezone: "Asia/Jakarta", late: false, sentMessage: null });

    const sent = await waitForScheduled(scheduled.id, "sent", since);
    expect(sent.scope).toEqual({ ownerId: owner.id });
    expect(sent.data).toMatchObject({ deviceId: device.deviceId, late: false, error: null });
    const row = await db().scheduledMessage.findUniqueOrThrow({ where: { id: scheduled.id } });
    expect(row).toMatchObject({ status: "sent", late: false, error: null, claimedAt: null, attempts: 1, sentMessageId: sent.data.messageId });
    const message = await db().message.findUniqueOrThrow({ where: { id: row.sentMessageId ?? -1 } });
    expect(message).toMatchObject({ direction: "outgoing", content: "Promo hari ini", toJid: `${contact}@s.whatsapp.net` });
    await sandbox.waitForInbox(contact, (m) => m.id === message.waMessageId);
    expect(inboxTexts(contact)).toEqual(["Promo hari ini"]);
    expect(eventsSince(since).filter((e) => e.name === "scheduled.status").map((e) => e.data.status)).toEqual(["pending", "sent"]);

    // The list shows the delivery status of the message it was sent as, as receipts arrive.
    await waitForEvent("message.status", (d) => d.messageId === message.id && d.status === "read", { since });
    const listed = await me.message.scheduled.list({ deviceId: device.deviceId });
    expect(listed.items).toMatchObject([{ id: scheduled.id, status: "sent", late: false, sentMessage: { id: message.id, status: "read", waMessageId: message.waMessageId } }]);
  });

  it("never sends a cancelled message", async () => {
    runner = startTestRunner();
    const contact = uniquePhone();
    const since = eventBus().lastId;
    const cancelled = await me.message.schedule({ deviceId: device.deviceId, to: `+${contact}`, text: "batal", scheduleTime: inOneHour(), timezone: "UTC" });
    expect(await me.message.scheduled.cancel({ id: cancelled.id })).toMatchObject({ status: "cancelled" });
    await makeDue(cancelled.id, 5000);
    // A later message on the same device is claimed after the cancelled one would have been (due order).
    const barrier = await me.message.schedule({ deviceId: device.deviceId, to: `+${contact}`, text: "barrier", scheduleTime: nowIso(), timezone: "UTC" });
    await waitForScheduled(barrier.id, "sent", since);

    expect(await db().scheduledMessage.findUniqueOrThrow({ where: { id: cancelled.id } })).toMatchObject({ status: "cancelled", sentMessageId: null, attempts: 0 });
    await sandbox.waitForInbox(contact, (m) => m.text === "barrier");
    expect(inboxTexts(contact)).toEqual(["barrier"]);
    await expect(me.message.scheduled.cancel({ id: cancelled.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(me.message.scheduled.cancel({ id: barrier.id })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("sends a message that came due while the server was down once, after the start, marked late", async () => {
    const contact = uniquePhone();
    const overdue = await scheduleMessage({
      actor: { id: owner.id, role: "user" },
      meta: { ip: "127.0.0.1" },
      device,
      to: `+${contact}`,
      text: "terlambat",
      at: new Date(),
      timezone: "Asia/Jakarta",
    });
    await makeDue(overdue.id, 10 * 60_000);
    const since = eventBus().lastId;
    runner = startTestRunner();

    const sent = await waitForScheduled(overdue.id, "sent", since);
    expect(sent.data.late).toBe(true);
    expect(await db().scheduledMessage.findUniqueOrThrow({ where: { id: overdue.id } })).toMatchObject({ status: "sent", late: true, attempts: 1 });
    await sandbox.waitForInbox(contact, (m) => m.text === "terlambat");
    expect(inboxTexts(contact)).toEqual(["terlambat"]);
    expect(await db().message.count({ where: { deviceId: device.id, direction: "outgoing" } })).toBe(1);
  });

  it("recovers an item a dead process left mid-send: same WhatsApp id again, shown once, completed once", async () => {
    const contact = uniquePhone();
    const wire: string[] = [];
    sandbox.events.on("stanza", (e) => {
      if (e.dir === "in" && e.tag === "message" && e.attrs.id) wire.push(e.attrs.id);
    });
    // The crash window: the Message row is stored and linked, WhatsApp has the message, the process died before
    // recording `sent`, and its claim is older than the lease.
    const item = await scheduleMessage({ actor: { id: owner.id, role: "user" }, meta: { ip: "127.0.0.1" }, device, to: `+${contact}`, text: "sekali saja", at: new Date(), timezone: "UTC" });
    const waMessageId = manager!.newMessageId(device.deviceId);
    const stored = await db().message.create({
      data: { deviceId: device.id, ownerId: owner.id, waMessageId, chatJid: `${contact}@s.whatsapp.net`, fromJid: `${phone}@s.whatsapp.net`, toJid: `${contact}@s.whatsapp.net`, content: "sekali saja", direction: "outgoing" },
    });
    await db().scheduledMessage.update({ where: { id: item.id }, data: { sentMessageId: stored.id, attempts: 1, claimedAt: new Date(Date.now() - 120_000) } });
    await manager!.sendText(device.deviceId, `${contact}@s.whatsapp.net`, "sekali saja", { messageId: waMessageId });
    await sandbox.waitForInbox(contact, (m) => m.id === waMessageId);

    const since = eventBus().lastId;
    runner = startTestRunner();
    const sent = await waitForScheduled(item.id, "sent", since);
    expect(sent.data.messageId).toBe(stored.id);
    expect(await db().scheduledMessage.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ status: "sent", attempts: 2, sentMessageId: stored.id });
    expect(await db().message.count({ where: { deviceId: device.id, direction: "outgoing" } })).toBe(1);
    expect(wire.filter((id) => id === waMessageId)).toHaveLength(2);
    expect(inboxTexts(contact)).toEqual(["sekali saja"]);
  });

  it("completes a recovered item whose message was already recorded sent, without sending again", async () => {
    const contact = uniquePhone();
    runner = startTestRunner();
    const since = eventBus().lastId;
    const first = await me.message.schedule({ deviceId: device.deviceId, to: `+${contact}`, text: "sudah", scheduleTime: nowIso(), timezone: "UTC" });
    const done = await waitForScheduled(first.id, "sent", since);
    await runner.stop();
    // As if the process died after the message was recorded sent but before the item was.
    await db().scheduledMessage.update({ where: { id: first.id }, data: { status: "pending", claimedAt: new Date(Date.now() - 120_000) } });
    const wire: string[] = [];
    sandbox.events.on("stanza", (e) => {
      if (e.dir === "in" && e.tag === "message" && e.attrs.id) wire.push(e.attrs.id);
    });
    const again = eventBus().lastId;
    runner = startTestRunner();
    const recovered = await waitForScheduled(first.id, "sent", again);
    expect(recovered.data.messageId).toBe(done.data.messageId);
    expect(wire).toEqual([]);
    expect(inboxTexts(contact)).toEqual(["sudah"]);
  });

  it("keeps a message for a disconnected device pending and sends it once the device is back", async () => {
    runner = startTestRunner();
    await me.device.disconnect({ deviceId: device.deviceId });
    const contact = uniquePhone();
    const since = eventBus().lastId;
    const waiting = await me.message.schedule({ deviceId: device.deviceId, to: `+${contact}`, text: "nanti", scheduleTime: nowIso(), timezone: "UTC" });

    await me.device.connect({ deviceId: device.deviceId });
    await waitForStatus(device.deviceId, "connected", since);
    await waitForScheduled(waiting.id, "sent", since);
    await sandbox.waitForInbox(contact, (m) => m.text === "nanti");
    expect(inboxTexts(contact)).toEqual(["nanti"]);
    // Only a connected device's work is claimed: one claim, after the reconnect, and no failure on the way.
    expect(await db().scheduledMessage.findUniqueOrThrow({ where: { id: waiting.id } })).toMatchObject({ status: "sent", attempts: 1, error: null });
    expect(eventsSince(since).filter((e) => e.name === "scheduled.status").map((e) => e.data.status)).toEqual(["pending", "sent"]);
  });

  it("fails a message whose device was logged out, with the reason, once the grace has passed", async () => {
    const contact = uniquePhone();
    const since = eventBus().lastId;
    const doomed = await me.message.schedule({ deviceId: device.deviceId, to: `+${contact}`, text: "tidak terkirim", scheduleTime: inOneHour(), timezone: "UTC" });
    sandbox.logout(phone);
    await waitForStatus(device.deviceId, "logged_out", since);
    await makeDue(doomed.id, 1000);
    runner = startTestRunner({ graceMs: 0 });

    const failed = await waitForScheduled(doomed.id, "failed", since);
    expect(failed.data.error).toMatch(/logged out/);
    expect(await db().scheduledMessage.findUniqueOrThrow({ where: { id: doomed.id } })).toMatchObject({ status: "failed", sentMessageId: null });
    const listed = await me.message.scheduled.list({});
    expect(listed.items).toMatchObject([{ id: doomed.id, status: "failed", error: failed.data.error, sentMessage: null }]);
    expect(inboxTexts(contact)).toEqual([]);
  });

  it("fails a message over the owner's daily limit with the reason", async () => {
    await db().user.update({ where: { id: owner.id }, data: { dailyMessageLimit: 0 } });
    runner = startTestRunner();
    const since = eventBus().lastId;
    const over = await me.message.schedule({ deviceId: device.deviceId, to: `+${uniquePhone()}`, text: "limit", scheduleTime: nowIso(), timezone: "UTC" });
    const failed = await waitForScheduled(over.id, "failed", since);
    expect(failed.data.error).toMatch(/daily limit of 0/);
    expect(await db().message.count({ where: { deviceId: device.id } })).toBe(0);
  });
});
