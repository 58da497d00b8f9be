import { AppError } from "../../errors";
import { db } from "../../db";
import { ownedDeviceWhere } from "../../authz/where";
import type { Actor } from "../../api/trpc";
import { chatHistory } from "./chat-history";
import type { ChatMessage } from "./chat-message-select";

export interface GroupHistoryInput {
  actor: Actor;
  deviceId: string;
  groupJid: string;
  cursor?: string;
  limit: number;
}

/** A group conversation of a device, newest first, on the same keyset as chatHistory. */
export async function groupHistory(input: GroupHistoryInput): Promise<{ items: ChatMessage[]; nextCursor: string | null }> {
  const device = await db().device.findFirst({ where: ownedDeviceWhere(input.actor, input.deviceId), select: { id: true } });
  if (!device) throw new AppError("NOT_FOUND", "Device not found");
  return chatHistory({ device, chatJid: input.groupJid, cursor: input.cursor, limit: input.limit });
}
