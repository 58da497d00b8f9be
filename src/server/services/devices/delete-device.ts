import { db } from "../../db";
import { findConnectionManager } from "../../whatsapp/registry";
import { recordAudit } from "../audit/record-audit";
import type { DeviceRow, ServiceCall } from "./types";

/**
 * Admin: logs the device out (so the phone forgets it), then deletes it; auth state, messages and everything
 * else of the device go with it (FK cascades). Runs under the device's lock so no connect can slip in between.
 */
export async function deleteDevice(input: ServiceCall & { device: DeviceRow }): Promise<{ deviceId: string }> {
  const { device } = input;
  const removeRow = async () => {
    await db().device.delete({ where: { id: device.id } });
  };
  const manager = findConnectionManager();
  if (manager) await manager.remove(device.deviceId, removeRow);
  else await removeRow();
  await recordAudit({
    actorId: input.actor.id,
    action: "device.delete",
    targetType: "device",
    targetId: device.deviceId,
    details: { ownerId: device.ownerId, deviceName: device.deviceName, phoneNumber: device.phoneNumber },
    ip: input.meta.ip,
  });
  return { deviceId: device.deviceId };
}
