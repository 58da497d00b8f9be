import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { StartedSandbox } from "../../../src/sandbox";
import { db } from "../../../src/server/db";
import type { ConnectionManager } from "../../../src/server/whatsapp/manager";
import { callerFor, createUser, type Caller, type TestUser } from "../../helpers/actors";
import { resetDb, rowCounts } from "../../helpers/db";
import { startTestManager, startTestSandbox, stopTestManager } from "../../helpers/whatsapp";

type Kind = "device" | "adminDevice" | "admin";
interface Case {
  name: string;
  kind: Kind;
  call: (caller: Caller, deviceId: string, ownerId: number) => Promise<unknown>;
}

const CASES: Case[] = [
  { name: "device.get", kind: "device", call: (c, deviceId) => c.device.get({ deviceId }) },
  { name: "device.status", kind: "device", call: (c, deviceId) => c.device.status({ deviceId }) },
  { name: "device.qr", kind: "device", call: (c, deviceId) => c.device.qr({ deviceId }) },
  { name: "device.qrImage", kind: "device", call: (c, deviceId) => c.device.qrImage({ deviceId }) },
  { name: "device.connect", kind: "device", call: (c, deviceId) => c.device.connect({ deviceId }) },
  { name: "device.disconnect", kind: "device", call: (c, deviceId) => c.device.disconnect({ deviceId }) },
  { name: "device.pairingCode", kind: "device", call: (c, deviceId) => c.device.pairingCode({ deviceId, phoneNumber: "0812-3456-7890" }) },
  { name: "message.sendText", kind: "device", call: (c, deviceId) => c.message.sendText({ deviceId, to: "0812-3456-7890", text: "Halo" }) },
  { name: "message.sendMedia", kind: "device", call: (c, deviceId) => c.message.sendMedia({ deviceId, to: "0812-3456-7890", mediaId: 1 }) },
  { name: "message.list", kind: "device", call: (c, deviceId) => c.message.list({ deviceId }) },
  { name: "device.assign", kind: "adminDevice", call: (c, deviceId, ownerId) => c.device.assign({ deviceId, ownerId }) },
  { name: "device.delete", kind: "adminDevice", call: (c, deviceId) => c.device.delete({ deviceId }) },
  { name: "device.cancelAndWipe", kind: "adminDevice", call: (c, deviceId) => c.device.cancelAndWipe({ deviceId }) },
  { name: "device.create", kind: "admin", call: (c, _deviceId, ownerId) => c.device.create({ ownerId, deviceName: "Sneaky" }) },
];

let sandbox: StartedSandbox;
let manager: ConnectionManager | undefined;
let admin: TestUser;
let owner: TestUser;
let stranger: TestUser;
let deviceId: string;

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
  deviceId = (await (await callerFor(admin)).device.create({ ownerId: owner.id, deviceName: "Toko Budi" })).deviceId;
});
afterEach(async () => {
  await stopTestManager(manager);
});

async function refusal(promise: Promise<unknown>): Promise<{ code?: string; message?: string }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e as { code?: string; message?: string },
  );
  expect(error, "expected the call to be refused").toBeDefined();
  return error ?? {};
}

describe("[DEVICE][TRPC][AUTHZ] every procedure × anonymous / another user / owner / admin", () => {
  it.each(CASES)("$name: anonymous gets UNAUTHORIZED and nothing is written", async ({ call }) => {
    const before = await rowCounts();
    expect(await refusal(call(await callerFor(null), deviceId, owner.id))).toMatchObject({ code: "UNAUTHORIZED" });
    expect(await rowCounts()).toEqual(before);
  });

  it.each(CASES)("$name: another user gets NOT_FOUND (FORBIDDEN if admin-only) and nothing is written", async ({ call, kind }) => {
    const before = await rowCounts();
    const error = await refusal(call(await callerFor(stranger), deviceId, owner.id));
    expect(error).toMatchObject({ code: kind === "device" ? "NOT_FOUND" : "FORBIDDEN" });
    expect(await rowCounts()).toEqual(before);
    expect(await db().device.findUniqueOrThrow({ where: { deviceId } })).toMatchObject({ status: "disconnected", autoConnect: false });
  });

  it.each(CASES.filter((c) => c.kind !== "device"))("$name: the owner gets FORBIDDEN (admin-only) and nothing is written", async ({ call }) => {
    const before = await rowCounts();
    expect(await refusal(call(await callerFor(owner), deviceId, owner.id))).toMatchObject({ code: "FORBIDDEN" });
    expect(await rowCounts()).toEqual(before);
  });

  it("an unknown device is NOT_FOUND for everyone, admins included", async () => {
    for (const user of [owner, admin]) {
      const caller = await callerFor(user);
      for (const { call, kind } of CASES.filter((c) => c.kind !== "admin")) {
        if (kind === "adminDevice" && user.role !== "admin") continue;
        expect(await refusal(call(caller, "device-does-not-exist", owner.id))).toMatchObject({ code: "NOT_FOUND" });
      }
    }
  });

  it("the owner reads, connects, disconnects and requests a pairing code on their device", async () => {
    const me = await callerFor(owner);
    await expect(me.device.get({ deviceId })).resolves.toMatchObject({ deviceId, ownerId: owner.id });
    await expect(me.device.status({ deviceId })).resolves.toMatchObject({ deviceId, status: "disconnected", online: false });
    await expect(me.device.qr({ deviceId })).resolves.toEqual({ qr: null, expiresAt: null });
    await expect(me.device.qrImage({ deviceId })).resolves.toEqual({ qrImage: null, expiresAt: null });
    await expect(me.message.list({ deviceId })).resolves.toEqual({ items: [], nextCursor: null });
    await expect(me.device.connect({ deviceId })).resolves.toMatchObject({ deviceId, status: "connecting" });
    await expect(me.device.disconnect({ deviceId })).resolves.toEqual({ deviceId });
    const { code } = await me.device.pairingCode({ deviceId, phoneNumber: "0812-3456-7890" });
    expect(code).toMatch(/^[1-9A-HJ-NP-TV-Z]{8}$/);
    const activity = await db().activityLog.findMany({ where: { userId: owner.id }, select: { action: true }, orderBy: { id: "asc" } });
    expect(activity.map((a) => a.action)).toEqual(["device.connect", "device.disconnect", "device.pairingCode"]);
    expect(await db().auditLog.count({ where: { actorId: owner.id } })).toBe(0);
  });

  it("sending from an offline device is DEVICE_NOT_CONNECTED for the owner and writes nothing", async () => {
    const before = await rowCounts();
    const error = await refusal((await callerFor(owner)).message.sendText({ deviceId, to: "0812-3456-7890", text: "Halo" }));
    expect(error).toMatchObject({ code: "PRECONDITION_FAILED", cause: { code: "DEVICE_NOT_CONNECTED" } });
    expect(error.message).toContain("not connected");
    expect(await rowCounts()).toEqual(before);
  });

  it("an admin reaches every procedure on another user's device, and admin actions are audited", async () => {
    const boss = await callerFor(admin);
    await expect(boss.device.get({ deviceId })).resolves.toMatchObject({ deviceId, owner: { id: owner.id } });
    await expect(boss.device.status({ deviceId })).resolves.toMatchObject({ status: "disconnected" });
    await expect(boss.device.qr({ deviceId })).resolves.toEqual({ qr: null, expiresAt: null });
    await expect(boss.device.qrImage({ deviceId })).resolves.toEqual({ qrImage: null, expiresAt: null });
    await expect(boss.message.list({ deviceId })).resolves.toEqual({ items: [], nextCursor: null });
    await expect(boss.device.connect({ deviceId })).resolves.toMatchObject({ deviceId });
    await expect(boss.device.disconnect({ deviceId })).resolves.toEqual({ deviceId });
    await expect(boss.device.pairingCode({ deviceId, phoneNumber: "+62 812 3456 7890" })).resolves.toMatchObject({ deviceId });
    await expect(boss.message.sendText({ deviceId, to: "0812-3456-7890", text: "Halo" })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await expect(boss.device.cancelAndWipe({ deviceId })).resolves.toEqual({ deviceId });
    await expect(boss.device.delete({ deviceId })).resolves.toEqual({ deviceId });
    const audit = await db().auditLog.findMany({ where: { actorId: admin.id }, select: { action: true, targetId: true }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual([
      "device.create",
      "device.connect",
      "device.disconnect",
      "device.pairingCode",
      "device.wipe",
      "device.delete",
    ]);
    expect(audit.every((a) => a.targetId === deviceId)).toBe(true);
    expect(await db().device.count({ where: { deviceId } })).toBe(0);
  });

  it("device.list shows users only their own devices and admins every device with its owner", async () => {
    const adminCaller = await callerFor(admin);
    await adminCaller.device.create({ ownerId: stranger.id, deviceName: "Warung Siti" });
    const mine = await (await callerFor(owner)).device.list();
    expect(mine.items.map((d) => d.deviceId)).toEqual([deviceId]);
    const theirs = await (await callerFor(stranger)).device.list();
    expect(theirs.items.map((d) => d.deviceName)).toEqual(["Warung Siti"]);
    const all = await adminCaller.device.list();
    expect(all.items.map((d) => d.owner.id).sort()).toEqual([owner.id, stranger.id].sort());
    // A user cannot widen the scope by naming another owner.
    const sneaky = await (await callerFor(owner)).device.list({ ownerId: stranger.id, limit: 50 });
    expect(sneaky.items.map((d) => d.deviceId)).toEqual([deviceId]);
    await expect((await callerFor(null)).device.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("[DEVICE][TRPC][INPUT] invalid input is BAD_REQUEST with a clear message and writes nothing", () => {
  type Callers = { owner: Caller; admin: Caller };
  const invalid: Array<[string, (c: Callers, deviceId: string) => Promise<unknown>, string]> = [
    ["device.get with a malformed id", (c) => c.owner.device.get({ deviceId: "bad id!" }), "may only contain"],
    ["device.create with a malformed custom id", (c) => c.admin.device.create({ deviceId: "has space" }), "may only contain"],
    ["device.create with a short custom id", (c) => c.admin.device.create({ deviceId: "ab" }), "too short"],
    ["device.create with a long name", (c) => c.admin.device.create({ deviceName: "x".repeat(101) }), "Device name is too long"],
    ["device.create with an empty name", (c) => c.admin.device.create({ deviceName: "   " }), "Enter a device name"],
    ["device.create with a negative owner", (c) => c.admin.device.create({ ownerId: -1 }), "Owner must be a user id"],
    ["device.list with limit 0", (c) => c.owner.device.list({ limit: 0 }), "at least 1"],
    ["device.list with an unknown status", (c) => c.owner.device.list({ status: "online" as never, limit: 10 }), "status"],
    ["device.pairingCode with a short number", (c, id) => c.owner.device.pairingCode({ deviceId: id, phoneNumber: "08123" }), "is too short"],
    ["device.pairingCode with letters", (c, id) => c.owner.device.pairingCode({ deviceId: id, phoneNumber: "call me" }), "may only contain digits"],
    ["message.sendText with a bad number", (c, id) => c.owner.message.sendText({ deviceId: id, to: "+999 1234", text: "Halo" }), "unknown country code"],
    ["message.sendText with a blank text", (c, id) => c.owner.message.sendText({ deviceId: id, to: "081234567890", text: "  " }), "Enter a message"],
    ["message.sendText with a huge text", (c, id) => c.owner.message.sendText({ deviceId: id, to: "081234567890", text: "x".repeat(70_000) }), "at most 65536"],
    ["message.list with a bad chat id", (c, id) => c.owner.message.list({ deviceId: id, chatJid: "not a jid" }), "WhatsApp jid"],
    ["message.list with limit 1000", (c, id) => c.owner.message.list({ deviceId: id, limit: 1000 }), "at most 200"],
  ];

  it.each(invalid)("%s", async (_name, call, text) => {
    const callers = { owner: await callerFor(owner), admin: await callerFor(admin) };
    const before = await rowCounts();
    const error = await refusal(call(callers, deviceId));
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    expect(error.message).toContain(text);
    expect(await rowCounts()).toEqual(before);
  });
});
