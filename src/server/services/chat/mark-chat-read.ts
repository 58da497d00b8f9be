import { db } from "../../db";
import { eventBus } from "../../events/bus";

/**
 * Marks a chat as read up to its latest message: its unread badge clears, in this tab and (through `chat.read`) in
 * every other tab of the owner and of admins. Reading a chat that has no messages yet writes nothing.
 */
export async function markChatRead(input: { device: { id: number; deviceId: string; ownerId: number }; chatJid: string }): Promise<{ unreadCleared: boolean }> {
  const thread = await db().chatThread.findUnique({ where: { deviceId_chatJid: { deviceId: input.device.id, chatJid: input.chatJid } }, select: { lastAt: true, readAt: true } });
  if (!thread) return { unreadCleared: false };
  if (thread.readAt && thread.readAt.getTime() >= thread.lastAt.getTime()) return { unreadCleared: false };
  // GREATEST: a concurrent open in another tab, or a message arriving meanwhile, never moves readAt backwards.
  await db().$executeRaw`UPDATE ChatThread SET readAt = GREATEST(COALESCE(readAt, lastAt), lastAt)
    WHERE deviceId = ${input.device.id} AND chatJid = ${input.chatJid}`;
  eventBus().publish("chat.read", { deviceId: input.device.deviceId, chatJid: input.chatJid }, { ownerId: input.device.ownerId });
  return { unreadCleared: true };
}
