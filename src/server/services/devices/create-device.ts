import { randomBytes } from "node:crypto";
import { AppError } from "../../errors";
import { db } from "../../db";
import { deviceSelect } from "./device-select";
import { recordAudit } from "../audit/record-audit";
import type { DeviceRow, ServiceCall } from "./types";

export interface CreateDeviceInput extends ServiceCall {
  /** Defaults to the acting admin. */
  ownerId?: number;
  deviceId?: string;
  deviceName?: string;
}

function generatedDeviceId(ownerId: number): string {
  return `device-${ownerId}-${Date.now()}-${randomBytes(3).toString("hex")}`;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/** Admin: creates a device for a user within that user's maxDevices. */
export async function createDevice(input: CreateDeviceInput): Promise<DeviceRow> {
  const ownerId = input.ownerId ?? input.actor.id;
  const deviceId = input.deviceId ?? generatedDeviceId(ownerId);
  let device: DeviceRow;
  try {
    device = await db().$transaction(async (tx) => {
      // Locks the owner row so two concurrent creates cannot both pass the limit check.
      const owners = await tx.$queryRaw<Array<{ maxDevices: number }>>`SELECT \`maxDevices\` FROM \`User\` WHERE \`id\` = ${ownerId} FOR UPDATE`;
      const owner = owners[0];
      if (!owner) throw new AppError("NOT_FOUND", "Owner not found");
      const count = await tx.device.count({ where: { ownerId } });
      if (count >= owner.maxDevices) {
        throw new AppError("LIMIT_EXCEEDED", `This user already has ${count} of ${owner.maxDevices} allowed devices`);
      }
      if (await tx.device.findUnique({ where: { deviceId }, select: { id: true } })) {
        throw new AppError("CONFLICT", `Device id "${deviceId}" is already taken`);
      }
      return tx.device.create({
        data: { deviceId, ownerId, deviceName: input.deviceName ?? `Device ${count + 1}` },
        select: deviceSelect,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", `Device id "${deviceId}" is already taken`, { cause: error });
    throw error;
  }
  await recordAudit({
    actorId: input.actor.id,
    action: "device.create",
    targetType: "device",
    targetId: device.deviceId,
    details: { ownerId, deviceName: device.deviceName },
    ip: input.meta.ip,
  });
  return device;
}
