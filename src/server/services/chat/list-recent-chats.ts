import { Prisma } from "@/generated/prisma/client";
import { AppError } from "../../errors";
import { db } from "../../db";
import { GROUP_JID_SUFFIX } from "./chat-jid";
import { describeChats, type ChatSummary } from "./chat-summaries";

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
 * A device's chats by latest activity, newest first: a page of ChatThread in index order (deviceId, lastAt, chatJid),
 * however many messages the device has. Each row carries the chat's summary (last message id, replies owed, pushName),
 * kept by a trigger on Message inserts, so a page reads its ChatThread rows and its last messages by primary key.
 */
export async function listRecentChats(input: ListRecentChatsInput): Promise<{ items: ChatSummary[]; nextCursor: string | null }> {
  const after = decodeChatCursor(input.cursor);
  const where: Prisma.Sql[] = [Prisma.sql`deviceId = ${input.device.id}`];
  if (!input.includeGroups) where.push(Prisma.sql`chatJid NOT LIKE ${`%${GROUP_JID_SUFFIX}`}`);
  if (after) where.push(Prisma.sql`(lastAt < ${after.at} OR (lastAt = ${after.at} AND chatJid < ${after.chatJid}))`);
  const rows = await db().$queryRaw<
    Array<{ chatJid: string; lastAt: Date; lastMessageId: number | null; awaitingReply: number; pushName: string | null; readUpToId: number | null }>
  >`
    SELECT chatJid, lastAt, lastMessageId, awaitingReply, pushName, readUpToId FROM ChatThread
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY lastAt DESC, chatJid DESC
    LIMIT ${input.limit + 1}`;
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  const tails = page.flatMap((r) =>
    r.lastMessageId === null
      ? []
      : [
          {
            chatJid: r.chatJid,
            lastId: Number(r.lastMessageId),
            awaitingReply: Number(r.awaitingReply),
            replied: false,
            pushName: r.pushName,
            readUpToId: r.readUpToId === null ? null : Number(r.readUpToId),
          },
        ],
  );
  const items = await describeChats(input.device, tails);
  return { items, nextCursor: rows.length > input.limit && last ? `${last.lastAt.getTime()}|${last.chatJid}` : null };
}
