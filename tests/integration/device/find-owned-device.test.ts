import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../../src/server/db";
import { ownedDeviceWhere } from "../../../src/server/authz/where";
import { deviceSelect } from "../../../src/server/services/devices/device-select";
import { readAccountAndOwnedDevice } from "../../../src/server/services/devices/find-owned-device";
import { readSessionAccount } from "../../../src/server/services/auth/session-account";
import { callerFor, createUser, type TestUser } from "../../helpers/actors";
import { resetDb } from "../../helpers/db";

let owner: TestUser;
let admin: TestUser;
let stranger: TestUser;
let deviceId: string;

beforeEach(async () => {
  await resetDb();
  [owner, admin, stranger] = await Promise.all([createUser(), createUser("admin"), createUser()]);
  const created = await (await callerFor(admin)).device.create({ ownerId: owner.id, deviceName: "Toko Budi" });
  deviceId = created.deviceId;
  await db().device.update({ where: { id: created.id }, data: { phoneNumber: "628123", lastSeen: new Date("2026-12-01T10:11:12.345Z"), lastError: "Connection closed", autoConnect: true } });
});

describe("[DEVICE][OWNED] the account and device a device-scoped call starts from", () => {
  it("is the API's device row, field for field, for its owner and an admin, and does not exist for anyone else", async () => {
    for (const actor of [owner, admin]) {
      const expected = await db().device.findFirst({ where: ownedDeviceWhere({ id: actor.id, role: actor.role }, deviceId), select: deviceSelect });
      expect(expected).not.toBeNull();
      expect(await readAccountAndOwnedDevice(actor.id, deviceId)).toEqual({ account: await readSessionAccount(actor.id), device: expected });
    }
    expect(await readAccountAndOwnedDevice(stranger.id, deviceId)).toEqual({ account: await readSessionAccount(stranger.id), device: null });
    expect(await readAccountAndOwnedDevice(owner.id, "no-such-device")).toMatchObject({ device: null });
    expect(await readAccountAndOwnedDevice(999_999, deviceId)).toBeNull();
  });

  it("refuses a locked account's call on its own device as a session that ended, before anything is read for it", async () => {
    const caller = await callerFor(owner);
    await db().user.update({ where: { id: owner.id }, data: { isActive: false } });
    await expect(caller.device.get({ deviceId })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await db().user.update({ where: { id: owner.id }, data: { isActive: true, mustChangePassword: true } });
    await expect(caller.device.get({ deviceId })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
