import { db } from "../../db";
import { eventBus } from "../../events/bus";

/**
 * Marks a chat as read up to its newest message: its unread badge clears, in this tab and (through `chat.read`) in
 * every other tab of the owner and of admins. A chat without messages, or already read, writes nothing.
 */
export async function markChatRead(input: { device: { id: number; deviceId: string; ownerId: number }; chatJid: string }): Promise<{ unreadCleared: boolean }> {
  const where = { deviceId: input.device.id, chatJid: input.chatJid };
  const [thread, newest] = await Promise.all([
    db().chatThread.findUnique({ where: { deviceId_chatJid: where }, select: { readUpToId: true } }),
    db().message.findFirst({ where, orderBy: { id: "desc" }, select: { id: true } }),
  ]);
  if (!thread || !newest || (thread.readUpToId !== null && thread.readUpToId >= newest.id)) return { unreadCleared: false };
  // Only forwards: a slower open in another tab that saw fewer messages must not make newer ones unread again.
  const { count } = await db().chatThread.updateMany({
    where: { ...where, OR: [{ readUpToId: null }, { readUpToId: { lt: newest.id } }] },
    data: { readUpToId: newest.id },
  });
  if (count === 0) return { unreadCleared: false };
  eventBus().publish("chat.read", { deviceId: input.device.deviceId, chatJid: input.chatJid }, { ownerId: input.device.ownerId });
  return { unreadCleared: true };
}
