import { AppError } from "../../errors";
import { db } from "../../db";
import { isWaError, type GroupRequestRefusedError } from "../../whatsapp/errors";
import type { WaGroupClient } from "../../whatsapp/group-client";
import { connectionManager } from "../../whatsapp/registry";
import { mapWaError } from "../devices/map-wa-error";
import type { DeviceRow } from "../devices/types";

export interface StoredGroup {
  id: number;
  groupJid: string;
  subject: string;
  isMember: boolean;
}

/** The device's stored group, or NOT_FOUND (groups are known from WhatsApp's own list and events). */
export async function findGroup(device: Pick<DeviceRow, "id">, groupJid: string): Promise<StoredGroup> {
  const group = await db().group.findUnique({
    where: { deviceId_groupJid: { deviceId: device.id, groupJid } },
    select: { id: true, groupJid: true, subject: true, isMember: true },
  });
  if (!group) throw new AppError("NOT_FOUND", "Group not found on this device");
  return group;
}

/** A stored group the device is still a member of: acting in a group it left would only be refused by WhatsApp. */
export async function findMemberGroup(device: Pick<DeviceRow, "id">, groupJid: string): Promise<StoredGroup> {
  const group = await findGroup(device, groupJid);
  if (!group.isMember) throw new AppError("FORBIDDEN", "The device is no longer a member of this group");
  return group;
}

export function groupRequests(device: Pick<DeviceRow, "deviceId">): WaGroupClient {
  try {
    return connectionManager().groups(device.deviceId);
  } catch (error) {
    return mapWaError(error);
  }
}

/** WhatsApp's group error codes in words (401 not-authorized: not an admin; 403 forbidden: not a member; 404: no such group). */
function refusalMessage(error: GroupRequestRefusedError): AppError {
  switch (error.code) {
    case 401:
      return new AppError("FORBIDDEN", "WhatsApp refused: the device is not an admin of this group", { cause: error });
    case 403:
      return new AppError("FORBIDDEN", "WhatsApp refused: the device is not a member of this group", { cause: error });
    case 404:
      return new AppError("NOT_FOUND", "WhatsApp refused: the group no longer exists", { cause: error });
    case 406:
    case 400:
      return new AppError("INVALID_INPUT", `WhatsApp refused the request as invalid (${error.code})`, { cause: error });
    case 429:
      return new AppError("RATE_LIMITED", "WhatsApp asks to slow down; try again in a moment", { cause: error });
    default:
      return new AppError("UNAVAILABLE", `WhatsApp refused the group request (${error.code}${error.text ? `: ${error.text}` : ""})`, { cause: error });
  }
}

/** Runs a group request, turning WhatsApp's refusals and connection errors into clear AppErrors. */
export async function requestGroup<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isWaError(error, "GroupRequestRefusedError")) throw refusalMessage(error as GroupRequestRefusedError);
    if (isConnectionFault(error)) throw new AppError("DEVICE_NOT_CONNECTED", "The device lost its WhatsApp connection during the request; try again", { cause: error });
    return mapWaError(error);
  }
}

function isConnectionFault(error: unknown): boolean {
  const output = (error as { output?: { statusCode?: unknown } } | null)?.output;
  return output?.statusCode === 428 || output?.statusCode === 408;
}
