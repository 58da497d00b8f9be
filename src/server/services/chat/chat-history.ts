import { db } from "../../db";
import { chatMessageSelect, type ChatMessage } from "./chat-message-select";
import { decodeCursor, olderThan, toPage } from "./cursor";

export interface ChatHistoryInput {
  device: { id: number };
  chatJid: string;
  cursor?: string;
  limit: number;
}

/**
 * One conversation newest first, paged by keyset on (timestamp, id): served in index order by
 * Message(deviceId, chatJid, timestamp) — InnoDB appends the primary key, so the id tie-break needs no sort.
 */
export async function chatHistory(input: ChatHistoryInput): Promise<{ items: ChatMessage[]; nextCursor: string | null }> {
  const rows = await db().message.findMany({
    where: { AND: [{ deviceId: input.device.id, chatJid: input.chatJid }, olderThan(decodeCursor(input.cursor))] },
    select: chatMessageSelect,
    orderBy: [{ timestamp: "desc" }, { id: "desc" }],
    take: input.limit + 1,
  });
  return toPage(rows, input.limit);
}
