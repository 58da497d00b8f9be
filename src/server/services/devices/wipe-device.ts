import { db } from "../../db";
import { findConnectionManager } from "../../whatsapp/registry";
import { recordAudit } from "../audit/record-audit";
import type { DeviceRow, ServiceCall } from "./types";

/**
 * Admin (cancelAndWipe): in this order — log out from WhatsApp if online, delete the auth state, leave the device
 * `disconnected` and not auto-connecting. One call, one audit entry; a failure stops the sequence and surfaces.
 */
export async function wipeDevice(input: ServiceCall & { device: DeviceRow }): Promise<{ deviceId: string }> {
  const { device } = input;
  const manager = findConnectionManager();
  if (manager) {
    await manager.logoutAndWipe(device.deviceId, "Session wiped by an administrator");
  } else {
    await db().waAuthEntry.deleteMany({ where: { deviceId: device.id } });
    await db().device.update({ where: { id: device.id }, data: { autoConnect: false, status: "disconnected" } });
  }
  await recordAudit({
    actorId: input.actor.id,
    action: "device.wipe",
    targetType: "device",
    targetId: device.deviceId,
    details: { ownerId: device.ownerId, previousStatus: device.status },
    ip: input.meta.ip,
  });
  return { deviceId: device.deviceId };
}
