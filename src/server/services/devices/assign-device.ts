import { AppError } from "../../errors";
import { db } from "../../db";
import { deviceSelect } from "./device-select";
import { eventBus } from "../../events/bus";
import { findConnectionManager } from "../../whatsapp/registry";
import { recordAudit } from "../audit/record-audit";
import type { DeviceRow, ServiceCall } from "./types";

/**
 * Admin: gives a device (and with it its messages, jobs and statistics) to another user, within that user's
 * maxDevices. The WhatsApp session is untouched: the number stays paired.
 */
export async function assignDevice(input: ServiceCall & { device: DeviceRow; ownerId: number }): Promise<DeviceRow> {
  const { device, ownerId } = input;
  if (device.ownerId === ownerId) return device;
  const updated = await db().$transaction(async (tx) => {
    // Locks the new owner's row so a concurrent create or assign cannot pass the same limit check.
    const owners = await tx.$queryRaw<Array<{ maxDevices: number }>>`SELECT \`maxDevices\` FROM \`User\` WHERE \`id\` = ${ownerId} FOR UPDATE`;
    const owner = owners[0];
    if (!owner) throw new AppError("NOT_FOUND", "Owner not found");
    const count = await tx.device.count({ where: { ownerId } });
    if (count >= owner.maxDevices) throw new AppError("LIMIT_EXCEEDED", `This user already has ${count} of ${owner.maxDevices} allowed devices`);
    await tx.message.updateMany({ where: { deviceId: device.id }, data: { ownerId } });
    await tx.job.updateMany({ where: { deviceId: device.id }, data: { ownerId } });
    await tx.scheduledMessage.updateMany({ where: { deviceId: device.id }, data: { ownerId } });
    return tx.device.update({ where: { id: device.id }, data: { ownerId }, select: deviceSelect });
  });
  findConnectionManager()?.reassignOwner(device.deviceId, ownerId);
  await recordAudit({
    actorId: input.actor.id,
    action: "device.assign",
    targetType: "device",
    targetId: device.deviceId,
    details: { fromOwnerId: device.ownerId, toOwnerId: ownerId },
    ip: input.meta.ip,
  });
  // Both owners' screens refresh: the old owner's list loses the device, the new owner's gains it.
  const data = { deviceId: updated.deviceId, status: updated.status, phoneNumber: updated.phoneNumber, reason: null };
  eventBus().publish("device.status", data, { ownerId: device.ownerId });
  eventBus().publish("device.status", data, { ownerId });
  return updated;
}
