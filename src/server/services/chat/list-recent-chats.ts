import { Prisma } from "@/generated/prisma/client";
import { AppError } from "../../errors";
import { db } from "../../db";
import { GROUP_JID_SUFFIX } from "./chat-jid";
import { describeChats, readChatTails, type ChatSummary } from "./chat-summaries";

export interface ListRecentChatsInput {
  device: { id: number; ownerId: number };
  includeGroups: boolean;
  cursor?: string;
  limit: number;
}

const CHAT_CURSOR = /^(\d{1,15})\|(.{1,128})$/;

function decodeChatCursor(cursor: string | undefined): { at: Date; chatJid: string } | undefined {
  if (cursor === undefined) return undefined;
  const match = CHAT_CURSOR.exec(cursor);
  if (!match?.[2]) throw new AppError("INVALID_INPUT", "The page cursor is not valid; start from the first page");
  return { at: new Date(Number(match[1])), chatJid: match[2] };
}

/**
 * A device's chats by latest activity, newest first. The grouping reads only Message(deviceId, chatJid, timestamp)
 * (index-only, never the rows); the hint keeps it there should a wider (deviceId, …) index be added. It is linear
 * in the device's message count; a per-chat summary row kept on insert would make it constant.
 */
export async function listRecentChats(input: ListRecentChatsInput): Promise<{ items: ChatSummary[]; nextCursor: string | null }> {
  const after = decodeChatCursor(input.cursor);
  // Filtered per chat after grouping: a LIKE on every message row would cost more than the grouping itself.
  const having: Prisma.Sql[] = input.includeGroups ? [] : [Prisma.sql`chatJid NOT LIKE ${`%${GROUP_JID_SUFFIX}`}`];
  if (after) having.push(Prisma.sql`(lastAt < ${after.at} OR (lastAt = ${after.at} AND chatJid < ${after.chatJid}))`);
  const rows = await db().$queryRaw<Array<{ chatJid: string; lastAt: Date }>>`
    SELECT chatJid, MAX(\`timestamp\`) AS lastAt FROM Message FORCE INDEX (Message_deviceId_chatJid_timestamp_idx)
    WHERE deviceId = ${input.device.id}
    GROUP BY chatJid ${having.length > 0 ? Prisma.sql`HAVING ${Prisma.join(having, " AND ")}` : Prisma.empty}
    ORDER BY lastAt DESC, chatJid DESC
    LIMIT ${input.limit + 1}`;
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  const items = await describeChats(input.device, await readChatTails(input.device.id, page.map((r) => r.chatJid)));
  return { items, nextCursor: rows.length > input.limit && last ? `${last.lastAt.getTime()}|${last.chatJid}` : null };
}
