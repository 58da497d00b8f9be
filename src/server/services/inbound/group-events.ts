import type { GroupChange, GroupSnapshot } from "../../whatsapp/group-snapshot";
import { applyGroupChange, isKnownGroup, syncDeviceGroups, type GroupDevice, type SelfIds } from "../groups/store-groups";

/**
 * The way WhatsApp's group traffic reaches the domain (beside incoming messages): the device's full group list on
 * connect, then every notified change in order. Returns the groups whose sender key must be replaced (a member
 * disappeared while the device was not listening).
 */
export function handleGroupsFetched(device: GroupDevice, groups: GroupSnapshot[]): Promise<string[]> {
  return syncDeviceGroups(device, groups);
}

/**
 * One notified change. A change to a group the device does not keep yet is first read in full through `fetch`
 * (it was created or joined while no list was taken).
 */
export async function handleGroupChange(
  device: GroupDevice,
  change: GroupChange,
  self: SelfIds,
  fetch: (groupJid: string) => Promise<GroupSnapshot>,
): Promise<void> {
  if (change.kind !== "snapshot" && !(await isKnownGroup(device, change.jid))) {
    await applyGroupChange(device, { kind: "snapshot", group: await fetch(change.jid) }, self);
    return;
  }
  await applyGroupChange(device, change, self);
}
