import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { StanzaLogEntry, StartedSandbox } from "../../../src/sandbox";
import { db } from "../../../src/server/db";
import { eventBus } from "../../../src/server/events/bus";
import { watchOutbox } from "../../../src/server/services/work/outbox-watch";
import { WorkRunner } from "../../../src/server/jobs/runner";
import { defaultSweepers } from "../../../src/server/services/work/start";
import { failUnacknowledged } from "../../../src/server/services/messages/fail-unacknowledged";
import type { ConnectionManager } from "../../../src/server/whatsapp/manager";
import { callerFor, createUser, type Caller } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";
import { pairByQr, startTestManager, startTestSandbox, stopTestManager, uniquePhone, waitForEvent, waitForStatus } from "../../helpers/whatsapp";

/** The runner's default grace, the one scheduled messages get too. */
const GRACE_MS = 10 * 60_000;

let sandbox: StartedSandbox;
let manager: ConnectionManager | undefined;
let stopOutbox: (() => void) | undefined;
let me: Caller;
let phone: string;
let contact: string;
let deviceId: string;

beforeAll(async () => {
  sandbox = await startTestSandbox({ receipts: { mode: "none" } });
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
  me = await callerFor(owner);
  deviceId = (await (await callerFor(admin)).device.create({ ownerId: owner.id, deviceName: "Toko Tenggat" })).deviceId;
  phone = uniquePhone();
  await pairByQr(sandbox, me, deviceId, phone);
  contact = uniquePhone();
  sandbox.createAccount({ phone: contact });
});
afterEach(async () => {
  stopOutbox?.();
  await stopTestManager(manager);
  manager = undefined;
});

/** The WhatsApp side stops answering the moment the next message for `to` reaches it: read, never acknowledged. */
function freezeOnArrival(to: string): Promise<void> {
  return new Promise((resolve) => {
    const listener = (entry: StanzaLogEntry) => {
      if (entry.dir !== "in" || entry.tag !== "message" || !entry.attrs.to?.startsWith(to)) return;
      sandbox.events.off("stanza", listener);
      sandbox.freezeConnection(phone);
      resolve();
    };
    sandbox.events.on("stanza", listener);
  });
}

/**
 * A direct send WhatsApp never acknowledged: the WhatsApp side stops answering once the message is written, and the
 * owner disconnects the device before any ack. The device then stays away (autoConnect off).
 */
async function sendUnacknowledged(text: string): Promise<{ id: number; waMessageId: string | null }> {
  const arrived = freezeOnArrival(contact);
  const sending = me.message.sendText({ deviceId, to: contact, text });
  await arrived;
  const since = eventBus().lastId;
  await me.device.disconnect({ deviceId });
  await waitForStatus(deviceId, "disconnected", since);
  const sent = await sending;
  expect(sent.status).toBe("pending");
  return { id: sent.id, waMessageId: sent.waMessageId };
}

describe("[DELIVERY][EXPIRY] a direct send WhatsApp never acknowledged", () => {
  it("stays pending through the grace, then fails with the reason (and a status event) if the device never came back", async () => {
    // The contact's phone reads what it gets: a receipt is owed to the device if WhatsApp did take the message.
    sandbox.setReceipts(contact, { mode: "read", delayMs: 0 });
    const message = await sendUnacknowledged("tidak pernah dikonfirmasi");

    expect(await failUnacknowledged({ now: new Date(Date.now() + GRACE_MS - 60_000), graceMs: GRACE_MS })).toBe(0);
    expect(await db().message.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ status: "pending", error: null });

    let since = eventBus().lastId;
    expect(await failUnacknowledged({ now: new Date(Date.now() + GRACE_MS + 1000), graceMs: GRACE_MS })).toBe(1);
    const reason = "WhatsApp did not confirm the message and the device did not reconnect within 10 minutes to send it again";
    expect(await db().message.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ status: "failed", error: reason });
    const event = await waitForEvent("message.status", (d) => d.messageId === message.id, { since });
    expect(event.data).toMatchObject({ deviceId, waMessageId: message.waMessageId, status: "failed", error: reason });
    expect(await failUnacknowledged({ now: new Date(Date.now() + GRACE_MS + 2000), graceMs: GRACE_MS })).toBe(0);

    // The frozen WhatsApp side had taken it before it went silent (only the ack was lost): when the device comes
    // back, the phone's receipt is proof and corrects the status; the failed message itself is not sent again.
    expect(sandbox.inbox(contact).map((m) => m.text)).toEqual(["tidak pernah dikonfirmasi"]);
    since = eventBus().lastId;
    await me.device.connect({ deviceId });
    await waitForEvent("message.status", (d) => d.messageId === message.id && d.status === "read", { since });
    expect(await db().message.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ status: "read", error: null });
    expect(sandbox.inbox(contact).map((m) => m.text)).toEqual(["tidak pernah dikonfirmasi"]);
  });

  it("a message resent and acknowledged within the grace is untouched, whenever the sweep runs", async () => {
    const message = await sendUnacknowledged("terkirim ulang");
    const since = eventBus().lastId;
    await me.device.connect({ deviceId });
    await waitForEvent("message.status", (d) => d.messageId === message.id && d.status === "sent", { since });
    expect((await sandbox.waitForInbox(contact, (m) => m.text === "terkirim ulang")).id).toBe(message.waMessageId);

    const away = eventBus().lastId;
    await me.device.disconnect({ deviceId });
    await waitForStatus(deviceId, "disconnected", away);
    expect(await failUnacknowledged({ now: new Date(Date.now() + 24 * 3600_000), graceMs: GRACE_MS })).toBe(0);
    expect(await db().message.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ status: "sent", error: null });
  });

  it("the server's runner makes the pass: the message fails once its device has been away past the grace", async () => {
    const message = await sendUnacknowledged("lewat tenggat");
    const since = eventBus().lastId;
    // A zero grace stands for a device that stayed away past it; the runner then sweeps on its own.
    const runner = new WorkRunner({ sources: [], sweepers: defaultSweepers(), graceMs: 0, pollMs: 100, sweepEveryMs: 100 });
    runner.start();
    try {
      const event = await waitForEvent("message.status", (d) => d.messageId === message.id && d.status === "failed", { since });
      expect(event.data.error).toMatch(/did not reconnect within 1 minute to send it again$/);
    } finally {
      await runner.stop();
    }
  });
});
