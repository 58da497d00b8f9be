import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../../src/server/db";
import { ownedDeviceWhere } from "../../../src/server/authz/where";
import { deviceSelect } from "../../../src/server/services/devices/device-select";
import { findOwnedDevice } from "../../../src/server/services/devices/find-owned-device";
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

describe("[DEVICE][OWNED] the device a device-scoped call starts from", () => {
  it("is the API's device row, field for field, for its owner and an admin, and does not exist for anyone else", async () => {
    for (const actor of [owner, admin]) {
      const expected = await db().device.findFirst({ where: ownedDeviceWhere({ id: actor.id, role: actor.role }, deviceId), select: deviceSelect });
      expect(expected).not.toBeNull();
      expect(await findOwnedDevice({ id: actor.id, role: actor.role }, deviceId)).toEqual(expected);
    }
    expect(await findOwnedDevice({ id: stranger.id, role: "user" }, deviceId)).toBeNull();
    expect(await findOwnedDevice({ id: owner.id, role: "user" }, "no-such-device")).toBeNull();
  });
});
