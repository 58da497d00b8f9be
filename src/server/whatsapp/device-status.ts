import { db } from "../db";
import { eventBus } from "../events/bus";
import type { StatusChange } from "./device-state";
import type { DeviceRef } from "./types";

function isRecordMissing(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2025";
}

/** Writes a status change to Device, then publishes `device.status` to the owner (and admins). */
export async function persistStatusChange(device: DeviceRef, change: StatusChange): Promise<void> {
  const touchesConnected = change.from === "connected" || change.to === "connected";
  let phoneNumber: string | null;
  try {
    const row = await db().device.update({
      where: { id: device.id },
      data: {
        status: change.to,
        lastError: change.reason === undefined ? undefined : (change.reason?.slice(0, 500) ?? null),
        phoneNumber: change.phoneNumber ?? undefined,
        autoConnect: change.autoConnect,
        lastSeen: touchesConnected ? change.at : undefined,
      },
      select: { phoneNumber: true },
    });
    phoneNumber = row.phoneNumber;
  } catch (error) {
    // The device was deleted while its connection wound down: there is nobody left to tell.
    if (isRecordMissing(error)) return;
    throw error;
  }
  eventBus().publish(
    "device.status",
    { deviceId: device.deviceId, status: change.to, phoneNumber, reason: change.reason ?? null },
    { ownerId: device.ownerId },
  );
}
