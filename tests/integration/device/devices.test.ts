import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../../src/server/db";
import { installConnectionManager } from "../../../src/server/whatsapp/registry";
import { callerFor, createUser, type Caller, type TestUser } from "../../helpers/actors";
import { resetDb, rowCounts } from "../../helpers/db";

let admin: TestUser;
let boss: Caller;
beforeEach(async () => {
  await resetDb();
  // These tests need no sockets: WhatsApp is "not running" in this process.
  installConnectionManager(null);
  admin = await createUser("admin");
  boss = await callerFor(admin);
});

const DEVICE_KEYS = ["autoConnect", "createdAt", "deviceId", "deviceName", "id", "lastError", "lastSeen", "owner", "ownerId", "phoneNumber", "status", "updatedAt"];

describe("[DEVICE][CREATE]", () => {
  it("defaults the owner to the admin and generates device-<userId>-<ts>-<rand>", async () => {
    const before = Date.now();
    const device = await boss.device.create({});
    expect(Object.keys(device).sort()).toEqual(DEVICE_KEYS);
    expect(device).toMatchObject({ ownerId: admin.id, status: "disconnected", autoConnect: false, deviceName: "Device 1", phoneNumber: null });
    const match = /^device-(\d+)-(\d+)-([0-9a-f]{6})$/.exec(device.deviceId);
    expect(Number(match?.[1])).toBe(admin.id);
    expect(Number(match?.[2])).toBeGreaterThanOrEqual(before);
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "device.create" } });
    expect(audit).toMatchObject({ actorId: admin.id, targetType: "device", targetId: device.deviceId, ip: "127.0.0.1" });
  });

  it("creates for a given user with a custom id, and refuses a taken id with CONFLICT", async () => {
    const user = await createUser();
    const device = await boss.device.create({ ownerId: user.id, deviceId: "toko-budi_01", deviceName: "Toko Budi" });
    expect(device).toMatchObject({ deviceId: "toko-budi_01", ownerId: user.id, owner: { id: user.id, username: user.username } });
    const before = await rowCounts();
    await expect(boss.device.create({ ownerId: user.id, deviceId: "toko-budi_01" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("already taken"),
    });
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses an unknown owner with NOT_FOUND", async () => {
    const before = await rowCounts();
    await expect(boss.device.create({ ownerId: 999_999 })).rejects.toMatchObject({ code: "NOT_FOUND", message: "Owner not found" });
    expect(await rowCounts()).toEqual(before);
  });

  it("enforces the owner's maxDevices with LIMIT_EXCEEDED, also under concurrent creates", async () => {
    const user = await createUser("user", { maxDevices: 2 });
    const results = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => boss.device.create({ ownerId: user.id, deviceName: `D${i}` })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    for (const r of results.filter((r): r is PromiseRejectedResult => r.status === "rejected")) {
      expect(r.reason).toMatchObject({ code: "FORBIDDEN", cause: { code: "LIMIT_EXCEEDED" } });
      expect(String((r.reason as Error).message)).toContain("2 of 2 allowed devices");
    }
    expect(await db().device.count({ where: { ownerId: user.id } })).toBe(2);
    expect(await db().auditLog.count({ where: { action: "device.create" } })).toBe(2);
  });
});

describe("[DEVICE][LIST]", () => {
  it("filters by status, connected only, owner and search, newest first with paging", async () => {
    const user = await createUser("user", { maxDevices: 10 });
    const other = await createUser();
    const ids: string[] = [];
    for (const name of ["Kasir", "Gudang", "Promo"]) ids.push((await boss.device.create({ ownerId: user.id, deviceName: name })).deviceId);
    await boss.device.create({ ownerId: other.id, deviceName: "Lain" });
    await db().device.update({ where: { deviceId: ids[1] }, data: { status: "connected", phoneNumber: "+6281234567890" } });

    const me = await callerFor(user);
    expect((await me.device.list()).items.map((d) => d.deviceName)).toEqual(["Promo", "Gudang", "Kasir"]);
    expect((await me.device.list({ connectedOnly: true, limit: 50 })).items.map((d) => d.deviceName)).toEqual(["Gudang"]);
    expect((await me.device.list({ status: "disconnected", limit: 50 })).items.map((d) => d.deviceName)).toEqual(["Promo", "Kasir"]);
    expect((await me.device.list({ search: "812345", limit: 50 })).items.map((d) => d.deviceName)).toEqual(["Gudang"]);
    expect((await me.device.list({ search: "kas", limit: 50 })).items.map((d) => d.deviceName)).toEqual(["Kasir"]);
    const page1 = await me.device.list({ limit: 2 });
    const page2 = await me.device.list({ limit: 2, cursor: page1.nextCursor ?? undefined });
    expect([...page1.items, ...page2.items].map((d) => d.deviceName)).toEqual(["Promo", "Gudang", "Kasir"]);
    expect(page2.nextCursor).toBeNull();
    expect((await boss.device.list({ ownerId: other.id, limit: 50 })).items.map((d) => d.deviceName)).toEqual(["Lain"]);
    expect((await boss.device.list()).items).toHaveLength(4);
    expect(Object.keys((await boss.device.list()).items[0] ?? {}).sort()).toEqual(DEVICE_KEYS);
  });
});

describe("[DEVICE] without WhatsApp running in this process", () => {
  it("connect and pairing are UNAVAILABLE and write nothing; delete and wipe still work", async () => {
    const user = await createUser();
    const device = await boss.device.create({ ownerId: user.id });
    await db().waAuthEntry.create({ data: { deviceId: device.id, category: "creds", keyId: "", data: Buffer.from([1, 2, 3]) } });
    const me = await callerFor(user);
    const before = await rowCounts();
    await expect(me.device.connect({ deviceId: device.deviceId })).rejects.toMatchObject({ code: "SERVICE_UNAVAILABLE" });
    await expect(me.device.pairingCode({ deviceId: device.deviceId, phoneNumber: "081234567890" })).rejects.toMatchObject({
      code: "SERVICE_UNAVAILABLE",
    });
    expect(await rowCounts()).toEqual(before);
    await expect(me.device.status({ deviceId: device.deviceId })).resolves.toMatchObject({ online: false, qrAvailable: false });

    await boss.device.cancelAndWipe({ deviceId: device.deviceId });
    expect(await db().waAuthEntry.count({ where: { deviceId: device.id } })).toBe(0);
    await boss.device.delete({ deviceId: device.deviceId });
    expect(await db().device.count()).toBe(0);
    const actions = (await db().auditLog.findMany({ orderBy: { id: "asc" }, select: { action: true } })).map((a) => a.action);
    expect(actions).toEqual(["device.create", "device.wipe", "device.delete"]);
  });

  it("deleting a device cascades to its messages and auth state", async () => {
    const user = await createUser();
    const device = await boss.device.create({ ownerId: user.id });
    await db().waAuthEntry.create({ data: { deviceId: device.id, category: "creds", keyId: "", data: Buffer.from([1]) } });
    await db().message.create({
      data: { deviceId: device.id, ownerId: user.id, chatJid: "1@s.whatsapp.net", fromJid: "1@s.whatsapp.net", toJid: "2@s.whatsapp.net", direction: "incoming" },
    });
    await boss.device.delete({ deviceId: device.deviceId });
    expect(await rowCounts()).toMatchObject({ Device: 0, Message: 0, WaAuthEntry: 0 });
  });
});
