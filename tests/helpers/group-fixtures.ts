import type { StartedSandbox } from "../../src/sandbox";
import { callerFor, createUser, type Caller } from "./actors";
import { pairByQr, uniquePhone } from "./whatsapp";

export interface GroupWorld {
  deviceId: string;
  /** Sandbox phones that can be put in groups (E.164). */
  members: [string, string];
}

/** A device paired with a fresh sandbox phone, plus two more phones to put in its groups. Needs a test manager. */
export async function connectedGroupDevice(sandbox: StartedSandbox): Promise<GroupWorld> {
  const admin = await callerFor(await createUser("admin"));
  const owner = await createUser("user", { dailyMessageLimit: 1000 });
  const device = await admin.device.create({ ownerId: owner.id, deviceName: "Grup" });
  await pairByQr(sandbox, await callerFor(owner), device.deviceId, uniquePhone());
  const members = [uniquePhone(), uniquePhone()].map((phone) => {
    sandbox.createAccount({ phone, name: `Anggota ${phone.slice(-4)}` });
    return `+${phone}`;
  });
  return { deviceId: device.deviceId, members: [members[0] ?? "", members[1] ?? ""] };
}

/** A new group of the device with both members, the device as superadmin. */
export async function newGroup(caller: Caller, world: GroupWorld): Promise<string> {
  const group = await caller.group.create({ deviceId: world.deviceId, subject: "Fixture", participants: world.members });
  return group.groupJid;
}
