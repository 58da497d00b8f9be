import { Prisma } from "@/generated/prisma/client";
import type { MessageDirection, MessageStatus, MessageType } from "@/generated/prisma/enums";
import { db } from "../../db";
import { chatPhone, isGroupJid } from "./chat-jid";
import { pickChatName } from "./display-names";

/** How many of a chat's latest messages are read to count replies still owed; CAP + 1 means "more than CAP". */
export const AWAITING_REPLY_CAP = 20;
const PREVIEW_LENGTH = 160;

export interface ChatSummary {
  chatJid: string;
  phone: string | null;
  isGroup: boolean;
  /** The saved contact's name, else the name the contact gave WhatsApp (pushName), else null. */
  name: string | null;
  /** True when `name` is the owner's saved contact ("Save contact" is offered otherwise). */
  saved: boolean;
  /** Incoming messages after our last reply that arrived after the chat was last opened (ChatThread.readUpToId). */
  unread: number;
  lastMessage: {
    id: number;
    type: MessageType;
    preview: string | null;
    direction: MessageDirection;
    status: MessageStatus;
    timestamp: Date;
  };
  /** Incoming messages after our last reply (0 when the last message is ours). */
  awaitingReply: number;
  /** Messages in the listed window (the day for the daily list); null where the list has no window. */
  incoming: number | null;
  outgoing: number | null;
}

/** What a list knows about a chat before its last message and name are read. */
export interface ChatTail {
  chatJid: string;
  lastId: number;
  awaitingReply: number;
  /** The ids of those awaiting messages, to count the unread ones (ChatThread.readUpToId). */
  awaitingIds: number[];
  replied: boolean;
  /** The name the contact gave WhatsApp, from their latest message's metadata. */
  pushName: string | null;
  incoming?: number;
  outgoing?: number;
}

interface TailRow {
  id: number;
  chatJid: string;
  direction: MessageDirection;
  timestamp: Date;
  pushName: string | null;
}

/**
 * Each chat's latest messages (up to CAP + 1) in one UNION ALL of per-chat `ORDER BY … LIMIT` dives into
 * Message(deviceId, chatJid, timestamp): enough for the last message, the replies owed and a pushName (read from
 * rows these dives visit anyway for their direction).
 */
export async function readChatTails(deviceId: number, chatJids: string[]): Promise<ChatTail[]> {
  if (chatJids.length === 0) return [];
  const dives = chatJids.map(
    (chatJid) => Prisma.sql`(SELECT id, chatJid, direction, \`timestamp\`, JSON_VALUE(metadata, '$.pushName') AS pushName FROM Message
      WHERE deviceId = ${deviceId} AND chatJid = ${chatJid}
      ORDER BY \`timestamp\` DESC, id DESC LIMIT ${AWAITING_REPLY_CAP + 1})`,
  );
  const rows = await db().$queryRaw<TailRow[]>(Prisma.join(dives, " UNION ALL "));
  const byChat = new Map<string, TailRow[]>();
  for (const row of rows) byChat.set(row.chatJid, [...(byChat.get(row.chatJid) ?? []), { ...row, id: Number(row.id) }]);
  return chatJids.flatMap((chatJid): ChatTail[] => {
    const tail = (byChat.get(chatJid) ?? []).sort((a, b) => b.timestamp.getTime() - a.timestamp.getTime() || b.id - a.id);
    const first = tail[0];
    if (!first) return [];
    const owed = tail.findIndex((r) => r.direction === "outgoing");
    return [
      {
        chatJid,
        lastId: first.id,
        awaitingReply: owed === -1 ? tail.length : owed,
        awaitingIds: (owed === -1 ? tail : tail.slice(0, owed)).map((r) => r.id),
        replied: owed !== -1,
        pushName: tail.find((r) => r.pushName)?.pushName ?? null,
      },
    ];
  });
}

/**
 * Adds the last messages (by primary key), saved names (Contact(ownerId, phone)) and unread counts (ChatThread.readUpToId)
 * to a page of chats.
 */
export async function describeChats(device: { id: number; ownerId: number }, tails: ChatTail[]): Promise<ChatSummary[]> {
  if (tails.length === 0) return [];
  const prisma = db();
  const phones = tails.flatMap((t) => chatPhone(t.chatJid) ?? []);
  const [lasts, contacts, threads] = await Promise.all([
    prisma.message.findMany({
      where: { id: { in: tails.map((t) => t.lastId) } },
      select: { id: true, type: true, content: true, direction: true, status: true, timestamp: true },
    }),
    phones.length > 0
      ? prisma.contact.findMany({ where: { ownerId: device.ownerId, phone: { in: phones } }, select: { phone: true, name: true } })
      : Promise.resolve([]),
    prisma.chatThread.findMany({ where: { deviceId: device.id, chatJid: { in: tails.map((t) => t.chatJid) } }, select: { chatJid: true, readUpToId: true } }),
  ]);
  const lastById = new Map(lasts.map((m) => [m.id, m]));
  const names = new Map(contacts.map((c) => [c.phone, c.name]));
  const readUpTo = new Map(threads.map((t) => [t.chatJid, t.readUpToId]));
  return tails.flatMap((tail): ChatSummary[] => {
    const last = lastById.get(tail.lastId);
    if (!last) return [];
    const phone = chatPhone(tail.chatJid);
    return [
      {
        chatJid: tail.chatJid,
        phone,
        isGroup: isGroupJid(tail.chatJid),
        ...pickChatName(phone ? names.get(phone) : undefined, tail.pushName),
        unread: unreadCount(tail.awaitingIds, readUpTo.get(tail.chatJid) ?? null),
        lastMessage: { ...last, preview: last.content ? last.content.slice(0, PREVIEW_LENGTH) : null },
        awaitingReply: tail.awaitingReply,
        incoming: tail.incoming ?? null,
        outgoing: tail.outgoing ?? null,
      },
    ];
  });
}

function unreadCount(awaitingIds: readonly number[], readUpToId: number | null): number {
  return readUpToId === null ? awaitingIds.length : awaitingIds.filter((id) => id > readUpToId).length;
}
