import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { StartedSandbox } from "../../../src/sandbox";
import { db } from "../../../src/server/db";
import { eventBus } from "../../../src/server/events/bus";
import type { ConnectionManager } from "../../../src/server/whatsapp/manager";
import { callerFor, createUser, type Caller, type TestUser } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";
import {
  eventsSince,
  pairByQr,
  startTestManager,
  startTestSandbox,
  statusTrail,
  stopTestManager,
  waitForEvent,
  uniquePhone,
  waitForStatus,
} from "../../helpers/whatsapp";


let sandbox: StartedSandbox;
let manager: ConnectionManager | undefined;
let admin: TestUser;
let owner: TestUser;
let me: Caller;
let PHONE: string;

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
  me = await callerFor(owner);
  PHONE = uniquePhone();
  sandbox.createAccount({ phone: PHONE, name: "Budi" });
});
afterEach(async () => {
  await stopTestManager(manager);
  manager = undefined;
});

async function newDevice(name = "Toko Budi"): Promise<{ id: number; deviceId: string }> {
  const device = await (await callerFor(admin)).device.create({ ownerId: owner.id, deviceName: name });
  return { id: device.id, deviceId: device.deviceId };
}

function qrEvents(since: number, deviceId: string) {
  return eventsSince(since, deviceId).filter((e) => e.name === "device.qr");
}

describe("[WA][PAIRING]", () => {
  it("admin creates, the owner connects, QR events arrive, the phone scans, the device is connected with its number", async () => {
    const { deviceId, id } = await newDevice();
    const since = eventBus().lastId;
    await expect(me.device.connect({ deviceId })).resolves.toMatchObject({ status: "connecting" });

    const qr = await waitForEvent("device.qr", (d) => d.deviceId === deviceId, { since });
    expect(qr.scope).toEqual({ ownerId: owner.id });
    expect(qr.data.qr).toMatch(/^https:\/\/wa\.me\/settings\/linked_devices#/);
    expect(qr.data.qrImage).toMatch(/^data:image\/png;base64,/);
    expect(Date.parse(qr.data.expiresAt)).toBeGreaterThan(Date.now());
    await expect(me.device.qr({ deviceId })).resolves.toEqual({ qr: qr.data.qr, expiresAt: qr.data.expiresAt });
    await expect(me.device.qrImage({ deviceId })).resolves.toEqual({ qrImage: qr.data.qrImage, expiresAt: qr.data.expiresAt });
    await expect(me.device.status({ deviceId })).resolves.toMatchObject({ status: "qr_required", qrAvailable: true });

    await sandbox.scanQR(qr.data.qr, PHONE);
    const connected = await waitForStatus(deviceId, "connected", since);
    expect(connected.data).toEqual({ deviceId, status: "connected", phoneNumber: `+${PHONE}`, reason: null });
    expect(statusTrail(since, deviceId)).toEqual(["connecting", "qr_required", "connecting", "connected"]);

    const row = await db().device.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "connected", phoneNumber: `+${PHONE}`, autoConnect: true, lastError: null });
    expect(row.lastSeen).not.toBeNull();
    await expect(me.device.qr({ deviceId })).resolves.toEqual({ qr: null, expiresAt: null });
    await expect(me.device.status({ deviceId })).resolves.toMatchObject({ status: "connected", online: true, qrAvailable: false });
    expect(sandbox.linkedDevices(PHONE).filter((d) => d.connected)).toHaveLength(1);
    // A second connect while connected changes nothing.
    await expect(me.device.connect({ deviceId })).resolves.toMatchObject({ status: "connected" });
    expect(statusTrail(since, deviceId)).toHaveLength(4);
  });

  it("rotating QR codes publish device.qr each time but qr_required only once", async () => {
    await stopTestManager(manager);
    manager = startTestManager(sandbox, { socket: { qrTimeout: 400 } });
    const { deviceId } = await newDevice();
    const since = eventBus().lastId;
    await me.device.connect({ deviceId });
    const first = await waitForEvent("device.qr", (d) => d.deviceId === deviceId, { since });
    const second = await waitForEvent("device.qr", (d) => d.deviceId === deviceId && d.qr !== first.data.qr, { since });
    expect(await me.device.qr({ deviceId })).toMatchObject({ qr: second.data.qr });
    expect(statusTrail(since, deviceId)).toEqual(["connecting", "qr_required"]);
    await me.device.disconnect({ deviceId });
    expect(statusTrail(since, deviceId)).toEqual(["connecting", "qr_required", "disconnected"]);
    expect(await me.device.qr({ deviceId })).toEqual({ qr: null, expiresAt: null });
  });

  it("an unscanned QR expires into disconnected with a reason, no reconnect and no leftover credentials", async () => {
    await stopTestManager(manager);
    manager = startTestManager(sandbox, { socket: { qrTimeout: 150 } });
    const { deviceId, id } = await newDevice();
    const since = eventBus().lastId;
    await me.device.connect({ deviceId });
    const expired = await waitForStatus(deviceId, "disconnected", since);
    expect(expired.data.reason).toBe("The QR code expired before it was scanned");
    expect(statusTrail(since, deviceId)).toEqual(["connecting", "qr_required", "disconnected"]);
    expect(qrEvents(since, deviceId).length).toBeGreaterThan(1);
    expect(manager.owns(deviceId)).toBe(false);
    expect(await db().device.findUniqueOrThrow({ where: { id } })).toMatchObject({ autoConnect: false, lastError: expired.data.reason });
    expect(await db().waAuthEntry.count({ where: { deviceId: id } })).toBe(0);
  });

  it("links by pairing code, also after an abandoned first attempt", async () => {
    const { deviceId, id } = await newDevice();
    const since = eventBus().lastId;
    const abandoned = await me.device.pairingCode({ deviceId, phoneNumber: `0${PHONE.slice(2)}` });
    const published = await waitForEvent("device.pairingCode", (d) => d.deviceId === deviceId, { since });
    expect(published.data.code).toBe(abandoned.code);
    // The abandoned attempt left `creds.me` behind (WA-PROTOCOL §6.4): the next attempt must start clean.
    const fresh = await me.device.pairingCode({ deviceId, phoneNumber: `+${PHONE}` });
    expect(fresh.code).not.toBe(abandoned.code);
    await sandbox.enterPairingCode(PHONE, fresh.code);
    const connected = await waitForStatus(deviceId, "connected", since);
    expect(connected.data.phoneNumber).toBe(`+${PHONE}`);
    expect(await db().device.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "connected", phoneNumber: `+${PHONE}` });
    await expect(me.device.pairingCode({ deviceId, phoneNumber: `+${PHONE}` })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("[WA][LIFECYCLE] with a paired device", () => {
  let device: { id: number; deviceId: string };
  beforeEach(async () => {
    device = await newDevice();
    await pairByQr(sandbox, me, device.deviceId, PHONE);
  });

  it("disconnect ends the socket without logging out; connect restores the session without a QR", async () => {
    const since = eventBus().lastId;
    await me.device.disconnect({ deviceId: device.deviceId });
    expect(statusTrail(since, device.deviceId)).toEqual(["disconnected"]);
    const row = await db().device.findUniqueOrThrow({ where: { id: device.id } });
    expect(row).toMatchObject({ status: "disconnected", autoConnect: false });
    expect(await db().waAuthEntry.count({ where: { deviceId: device.id } })).toBeGreaterThan(0);
    expect(sandbox.linkedDevices(PHONE)).toHaveLength(1);

    await me.device.connect({ deviceId: device.deviceId });
    await waitForStatus(device.deviceId, "connected", since);
    expect(statusTrail(since, device.deviceId)).toEqual(["disconnected", "connecting", "connected"]);
    expect(qrEvents(since, device.deviceId)).toHaveLength(0);
  });

  it("messages a contact sent while the device was offline are stored once it reconnects, with the sender's name", async () => {
    const contact = uniquePhone();
    sandbox.createAccount({ phone: contact, name: "Siti" });
    const since = eventBus().lastId;
    await me.device.disconnect({ deviceId: device.deviceId });
    const waId = await sandbox.sendText(contact, PHONE, "sent while you were away");
    await me.device.connect({ deviceId: device.deviceId });
    const received = await waitForEvent("message.received", (d) => d.deviceId === device.deviceId, { since });
    expect(received.data).toMatchObject({ content: "sent while you were away", pushName: "Siti" });
    const row = await db().message.findFirstOrThrow({ where: { deviceId: device.id, waMessageId: waId } });
    expect(row).toMatchObject({ direction: "incoming", content: "sent while you were away", metadata: { pushName: "Siti" } });
  });

  it("a logout from the phone marks the device logged_out, wipes its credentials and does not reconnect", async () => {
    const since = eventBus().lastId;
    sandbox.logout(PHONE);
    const event = await waitForStatus(device.deviceId, "logged_out", since);
    expect(event.data.reason).toContain("Logged out");
    expect(statusTrail(since, device.deviceId)).toEqual(["logged_out"]);
    expect(await db().waAuthEntry.count({ where: { deviceId: device.id } })).toBe(0);
    expect(await db().device.findUniqueOrThrow({ where: { id: device.id } })).toMatchObject({ status: "logged_out", autoConnect: false });
    expect(manager?.owns(device.deviceId)).toBe(false);
    // Connecting again starts a fresh pairing.
    await me.device.connect({ deviceId: device.deviceId });
    await waitForEvent("device.qr", (d) => d.deviceId === device.deviceId, { since });
    expect(statusTrail(since, device.deviceId)).toEqual(["logged_out", "connecting", "qr_required"]);
  });

  it("a dropped connection reconnects by itself, without a QR", async () => {
    const since = eventBus().lastId;
    sandbox.dropConnection(PHONE);
    const back = await waitForStatus(device.deviceId, "connected", since);
    expect(back.data.phoneNumber).toBe(`+${PHONE}`);
    const trail = eventsSince(since, device.deviceId).filter((e) => e.name === "device.status");
    expect(trail.map((e) => e.data.status)).toEqual(["connecting", "connected"]);
    expect(trail[0]?.name === "device.status" && trail[0].data.reason).toContain("Connection lost");
    expect(qrEvents(since, device.deviceId)).toHaveLength(0);
    await expect(me.device.status({ deviceId: device.deviceId })).resolves.toMatchObject({ status: "connected", online: true, lastError: null });
  });

  it("a new manager (a server restart) restores the device from the database without a QR", async () => {
    await stopTestManager(manager);
    expect(await db().device.findUniqueOrThrow({ where: { id: device.id } })).toMatchObject({ status: "disconnected", autoConnect: true });
    const since = eventBus().lastId;
    manager = startTestManager(sandbox);
    const summary = await manager.restoreAll();
    expect(summary).toEqual({ total: 1, connected: 1, notConnected: [] });
    expect(statusTrail(since, device.deviceId)).toEqual(["connecting", "connected"]);
    expect(qrEvents(since, device.deviceId)).toHaveLength(0);
    expect(manager.ownedDeviceIds()).toEqual([device.deviceId]);
  });

  it("a ban ends in disconnected with a clear reason and no reconnect storm", async () => {
    const logins: string[] = [];
    const onLogin = (e: { phone: string }) => logins.push(e.phone);
    sandbox.events.on("login", onLogin);
    try {
      const since = eventBus().lastId;
      sandbox.ban(PHONE);
      const event = await waitForStatus(device.deviceId, "disconnected", since);
      expect(event.data.reason).toContain("banned");
      expect(statusTrail(since, device.deviceId)).toEqual(["disconnected"]);
      expect(manager?.owns(device.deviceId)).toBe(false);
      expect(logins).toEqual([]);
      const row = await db().device.findUniqueOrThrow({ where: { id: device.id } });
      expect(row).toMatchObject({ status: "disconnected", autoConnect: false });
      // Credentials are kept: once unbanned, connecting restores the session.
      sandbox.unban(PHONE);
      await me.device.connect({ deviceId: device.deviceId });
      await waitForStatus(device.deviceId, "connected", since);
      expect(logins).toEqual([PHONE]);
    } finally {
      sandbox.events.off("login", onLogin);
    }
  });

  it("a ban found at login stops after one refused attempt", async () => {
    await me.device.disconnect({ deviceId: device.deviceId });
    sandbox.ban(PHONE);
    try {
      const since = eventBus().lastId;
      await me.device.connect({ deviceId: device.deviceId });
      const event = await waitForStatus(device.deviceId, "disconnected", since);
      expect(event.data.reason).toContain("banned");
      expect(statusTrail(since, device.deviceId)).toEqual(["connecting", "disconnected"]);
      expect(manager?.owns(device.deviceId)).toBe(false);
    } finally {
      sandbox.unban(PHONE);
    }
  });

  it("cancelAndWipe logs the device out of the phone, deletes its credentials and leaves it disconnected", async () => {
    const since = eventBus().lastId;
    await (await callerFor(admin)).device.cancelAndWipe({ deviceId: device.deviceId });
    expect(statusTrail(since, device.deviceId)).toEqual(["disconnected"]);
    expect(await db().waAuthEntry.count({ where: { deviceId: device.id } })).toBe(0);
    expect(await db().device.findUniqueOrThrow({ where: { id: device.id } })).toMatchObject({ status: "disconnected", autoConnect: false });
    expect(sandbox.linkedDevices(PHONE)).toEqual([]);
  });

  it("delete logs the device out, removes it with its credentials and publishes nothing after", async () => {
    await (await callerFor(admin)).device.delete({ deviceId: device.deviceId });
    expect(await db().device.count({ where: { id: device.id } })).toBe(0);
    expect(await db().waAuthEntry.count({ where: { deviceId: device.id } })).toBe(0);
    expect(sandbox.linkedDevices(PHONE)).toEqual([]);
    expect(manager?.owns(device.deviceId)).toBe(false);
  });

  it("two devices: dropping one leaves the other connected and silent", async () => {
    const second = await newDevice("Warung Siti");
    await pairByQr(sandbox, me, second.deviceId, uniquePhone());
    const since = eventBus().lastId;
    sandbox.dropConnection(PHONE);
    await waitForStatus(device.deviceId, "connected", since);
    expect(statusTrail(since, second.deviceId)).toEqual([]);
    expect(manager?.isConnected(second.deviceId)).toBe(true);
    expect(await db().device.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ status: "connected" });
  });
});

describe("[WA][BACKOFF]", () => {
  it("gives up into disconnected after the capped number of reconnect attempts when WhatsApp stays unreachable", async () => {
    const doomed = await startTestSandbox();
    await stopTestManager(manager);
    manager = startTestManager(doomed, { backoff: { baseMs: 20, maxMs: 80, maxAttempts: 3 } });
    try {
      const { deviceId, id } = await newDevice();
      await pairByQr(doomed, me, deviceId, PHONE);
      const since = eventBus().lastId;
      await doomed.close();
      const gaveUp = await waitForStatus(deviceId, "disconnected", since);
      expect(gaveUp.data.reason).toMatch(/^Gave up after 3 reconnect attempts/);
      // Every failed attempt stays in `connecting`: one event in, one event out.
      expect(statusTrail(since, deviceId)).toEqual(["connecting", "disconnected"]);
      expect(manager.owns(deviceId)).toBe(false);
      // Still paired and still wanted: the next start tries again.
      expect(await db().device.findUniqueOrThrow({ where: { id } })).toMatchObject({ autoConnect: true });
      expect(await db().waAuthEntry.count({ where: { deviceId: id } })).toBeGreaterThan(0);
    } finally {
      await doomed.close();
    }
  });
});
