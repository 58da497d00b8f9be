import type { DeviceStatus } from "@/generated/prisma/enums";
import { connectionManager } from "../../whatsapp/registry";
import { recordActivity } from "../activity/record-activity";
import { recordAudit } from "../audit/record-audit";
import { mapWaError } from "./map-wa-error";
import type { DeviceRow, ServiceCall } from "./types";

/** Owner or admin: starts the connection; QR codes and status changes follow as events. */
export async function connectDevice(input: ServiceCall & { device: DeviceRow }): Promise<{ deviceId: string; status: DeviceStatus }> {
  const manager = connectionManager();
  const status = await manager.connect(input.device.deviceId).catch(mapWaError);
  await recordDeviceAction(input, "device.connect");
  return { deviceId: input.device.deviceId, status };
}

/** Connect/disconnect/pairing land in the actor's activity; an admin acting on someone's device is also audited. */
export async function recordDeviceAction(input: ServiceCall & { device: DeviceRow }, action: string): Promise<void> {
  await recordActivity({ userId: input.actor.id, action, details: { deviceId: input.device.deviceId }, ip: input.meta.ip });
  if (input.actor.role === "admin" && input.device.ownerId !== input.actor.id) {
    await recordAudit({
      actorId: input.actor.id,
      action,
      targetType: "device",
      targetId: input.device.deviceId,
      details: { ownerId: input.device.ownerId },
      ip: input.meta.ip,
    });
  }
}
