import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { StartedSandbox } from "../../../src/sandbox";
import { db } from "../../../src/server/db";
import { eventBus } from "../../../src/server/events/bus";
import { watchOutbox } from "../../../src/server/services/work/outbox-watch";
import { scheduleMessage } from "../../../src/server/services/scheduled/schedule-message";
import { BANNED_REASON } from "../../../src/server/whatsapp/device-reasons";
import type { ConnectionManager } from "../../../src/server/whatsapp/manager";
import { callerFor, createUser, type Caller } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";
import { pairByQr, startTestManager, startTestSandbox, stopTestManager, uniquePhone, waitForEvent, waitForStatus } from "../../helpers/whatsapp";

let sandbox: StartedSandbox;
let manager: ConnectionManager | undefined;
let stopOutbox: (() => void) | undefined;
let me: Caller;
let ownerId: number;
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
  stopOutbox = watchOutbox();
  const admin = await createUser("admin");
  const owner = await createUser("user");
  ownerId = owner.id;
  me = await callerFor(owner);
  const created = await (await callerFor(admin)).device.create({ ownerId: owner.id, deviceName: "Toko Blokir" });
  device = { id: created.id, deviceId: created.deviceId, ownerId: owner.id };
  phone = uniquePhone();
  await pairByQr(sandbox, me, device.deviceId, phone);
});
afterEach(async () => {
  stopOutbox?.();
  await stopTestManager(manager);
  manager = undefined;
});

/** A message WhatsApp never acknowledged (stored pending under its id) and a scheduled message already due. */
async function waitingWork(contact: string) {
  const waMessageId = manager!.newMessageId(device.deviceId);
  const message = await db().message.create({
    data: { deviceId: device.id, ownerId, waMessageId, chatJid: `${contact}@s.whatsapp.net`, fromJid: `${phone}@s.whatsapp.net`, toJid: `${contact}@s.whatsapp.net`, content: "menunggu", direction: "outgoing" },
  });
  const scheduled = await scheduleMessage({ actor: { id: ownerId, role: "user" }, meta: { ip: "127.0.0.1" }, device, to: `+${contact}`, text: "terjadwal", at: new Date(), timezone: "UTC" });
  return { message, scheduled };
}

describe("[DELIVERY][BLOCKED]", () => {
  it("a ban shows the device's waiting messages as blocked with the reason at once, still pending", async () => {
    const { message, scheduled } = await waitingWork(uniquePhone());
    const since = eventBus().lastId;
    sandbox.ban(phone);

    await waitForStatus(device.deviceId, "disconnected", since);
    const messageEvent = await waitForEvent("message.status", (d) => d.messageId === message.id, { since });
    expect(messageEvent.data).toMatchObject({ status: "pending", error: BANNED_REASON });
    const scheduledEvent = await waitForEvent("scheduled.status", (d) => d.scheduledId === scheduled.id, { since });
    expect(scheduledEvent.data).toMatchObject({ status: "pending", error: BANNED_REASON });
    expect(await db().message.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ status: "pending", error: BANNED_REASON });
    expect(await db().scheduledMessage.findUniqueOrThrow({ where: { id: scheduled.id } })).toMatchObject({ status: "pending", error: BANNED_REASON });
  });

  it("a logout blocks them with the logout reason", async () => {
    const { message } = await waitingWork(uniquePhone());
    const since = eventBus().lastId;
    sandbox.logout(phone);

    const status = await waitForStatus(device.deviceId, "logged_out", since);
    const event = await waitForEvent("message.status", (d) => d.messageId === message.id, { since });
    expect(event.data).toMatchObject({ status: "pending", error: status.data.reason });
    expect(status.data.reason).toBeTruthy();
  });

  it("the blocked message goes out on the next connection under its id, and the reason is cleared", async () => {
    const contact = uniquePhone();
    sandbox.createAccount({ phone: contact });
    const { message } = await waitingWork(contact);
    let since = eventBus().lastId;
    sandbox.ban(phone);
    await waitForEvent("message.status", (d) => d.messageId === message.id && d.error === BANNED_REASON, { since });

    sandbox.unban(phone);
    since = eventBus().lastId;
    await me.device.connect({ deviceId: device.deviceId });
    await waitForEvent("message.status", (d) => d.messageId === message.id && d.status === "sent", { since });
    const received = await sandbox.waitForInbox(contact, (m) => m.text === "menunggu");
    expect(received.id).toBe(message.waMessageId);
    expect(await db().message.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ error: null });
  });
});
