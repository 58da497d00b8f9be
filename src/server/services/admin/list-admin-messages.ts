import { AppError } from "../../errors";
import { db } from "../../db";
import { decodeCursor, toPage } from "../chat/cursor";
import { adminMessagesQuery, type AdminMessageFilter, type AdminMessageRow } from "./admin-messages-query";

export interface AdminMessageListInput extends Omit<AdminMessageFilter, "deviceRowId"> {
  /** The public device id. */
  deviceId?: string;
  cursor?: string;
  limit: number;
}

/** Resolves the public device id of a filter; an unknown device is NOT_FOUND rather than an empty list. */
export async function resolveDeviceFilter(deviceId: string | undefined): Promise<number | undefined> {
  if (deviceId === undefined) return undefined;
  const device = await db().device.findUnique({ where: { deviceId }, select: { id: true } });
  if (!device) throw new AppError("NOT_FOUND", "Device not found");
  return device.id;
}

/** Admin: every user's messages, newest first, filtered, keyset-paged. Content is cut to 500 characters in the list. */
export async function listAdminMessages(input: AdminMessageListInput): Promise<{ items: AdminMessageRow[]; nextCursor: string | null }> {
  const { deviceId, cursor, limit, ...filter } = input;
  const deviceRowId = await resolveDeviceFilter(deviceId);
  const rows = await db().$queryRaw<AdminMessageRow[]>(adminMessagesQuery({ ...filter, deviceRowId }, decodeCursor(cursor), limit + 1, 500));
  return toPage(rows, limit);
}
