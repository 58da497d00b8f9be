import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../../src/server/db";
import { eventBus } from "../../../src/server/events/bus";
import { callerFor, createUser } from "../../helpers/actors";
import { resetDb, rowCounts } from "../../helpers/db";

beforeEach(resetDb);

describe("device.assign", () => {
  it("moves the device and its messages to the new owner, audits it, and tells both owners", async () => {
    const admin = await createUser("admin");
    const from = await createUser();
    const to = await createUser();
    const asAdmin = await callerFor(admin);
    const device = await asAdmin.device.create({ ownerId: from.id, deviceName: "Kasir" });
    const row = await db().device.findUniqueOrThrow({ where: { deviceId: device.deviceId } });
    await db().message.create({
      data: { deviceId: row.id, ownerId: from.id, chatJid: "1@s.whatsapp.net", fromJid: "1@s.whatsapp.net", toJid: "", direction: "incoming" },
    });
    const seen: number[] = [];
    const after = eventBus().lastId;
    const moved = await asAdmin.device.assign({ deviceId: device.deviceId, ownerId: to.id });
    expect(moved.ownerId).toBe(to.id);
    for (const e of eventBus().replay(after)) if (e.name === "device.status") seen.push(e.scope.ownerId ?? 0);
    expect(seen.sort()).toEqual([from.id, to.id].sort());
    expect(await db().message.count({ where: { ownerId: to.id } })).toBe(1);
    await expect((await callerFor(from)).device.get({ deviceId: device.deviceId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect((await callerFor(to)).device.get({ deviceId: device.deviceId })).resolves.toMatchObject({ ownerId: to.id });
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "device.assign" } });
    expect(audit).toMatchObject({ actorId: admin.id, targetId: device.deviceId, details: { fromOwnerId: from.id, toOwnerId: to.id } });
  });

  it("respects the new owner's device limit and unknown owners, writing nothing", async () => {
    const admin = await createUser("admin");
    const from = await createUser();
    const full = await createUser("user", { maxDevices: 0 });
    const asAdmin = await callerFor(admin);
    const device = await asAdmin.device.create({ ownerId: from.id });
    const before = await rowCounts();
    await expect(asAdmin.device.assign({ deviceId: device.deviceId, ownerId: full.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(asAdmin.device.assign({ deviceId: device.deviceId, ownerId: 999_999 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(asAdmin.device.assign({ deviceId: device.deviceId, ownerId: -3 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await rowCounts()).toEqual(before);
    expect((await db().device.findUniqueOrThrow({ where: { deviceId: device.deviceId } })).ownerId).toBe(from.id);
  });
});

describe("message.recent", () => {
  it("returns the caller's latest messages only (all for admins), newest first", async () => {
    const admin = await createUser("admin");
    const alice = await createUser();
    const bob = await createUser();
    const asAdmin = await callerFor(admin);
    const da = await db().device.findUniqueOrThrow({ where: { deviceId: (await asAdmin.device.create({ ownerId: alice.id })).deviceId } });
    const dbb = await db().device.findUniqueOrThrow({ where: { deviceId: (await asAdmin.device.create({ ownerId: bob.id })).deviceId } });
    const base = Date.UTC(2026, 10, 24, 8);
    for (let i = 0; i < 3; i += 1) {
      for (const [device, owner] of [
        [da, alice],
        [dbb, bob],
      ] as const) {
        await db().message.create({
          data: {
            deviceId: device.id,
            ownerId: owner.id,
            chatJid: "1@s.whatsapp.net",
            fromJid: "1@s.whatsapp.net",
            toJid: "",
            direction: "incoming",
            content: `${owner.username}-${i}`,
            timestamp: new Date(base + i * 1000),
          },
        });
      }
    }
    const mine = await (await callerFor(alice)).message.recent({ limit: 2 });
    expect(mine.items.map((m) => m.content)).toEqual([`${alice.username}-2`, `${alice.username}-1`]);
    const all = await asAdmin.message.recent({ limit: 10 });
    expect(all.items).toHaveLength(6);
    await expect((await callerFor(null)).message.recent()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect((await callerFor(alice)).message.recent({ limit: 500 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
