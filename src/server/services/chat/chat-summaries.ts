import { Prisma } from "@/generated/prisma/client";
import type { MessageDirection, MessageStatus, MessageType } from "@/generated/prisma/enums";
import { db } from "../../db";
import { driverDate, driverPool } from "../../db/driver-pool";
import { chatPhone, isGroupJid } from "./chat-jid";
import { pickChatName } from "./display-names";

/** Replies owed are counted up to CAP + 1, which means "more than CAP" (the ChatThread trigger counts to 21). */
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
  /** The ids of those awaiting messages when the list has them at hand; otherwise read here only if needed for unread. */
  awaitingIds?: number[];
  replied: boolean;
  /** The name the contact gave WhatsApp (ChatThread.pushName); undefined when the list has not read ChatThread. */
  pushName?: string | null;
  /** ChatThread.readUpToId; undefined when the list has not read ChatThread (then read here with the name). */
  readUpToId?: number | null;
  incoming?: number;
  outgoing?: number;
}

/** The ChatThread fields a page of chats needs, read only for the chats whose list did not already read them. */
async function threadFields(deviceId: number, tails: ChatTail[]): Promise<Map<string, { readUpToId: number | null; pushName: string | null }>> {
  const fields = new Map<string, { readUpToId: number | null; pushName: string | null }>();
  const missing: string[] = [];
  for (const t of tails) {
    if (t.readUpToId === undefined || t.pushName === undefined) missing.push(t.chatJid);
    else fields.set(t.chatJid, { readUpToId: t.readUpToId, pushName: t.pushName });
  }
  if (missing.length === 0) return fields;
  const threads = await db().chatThread.findMany({ where: { deviceId, chatJid: { in: missing } }, select: { chatJid: true, readUpToId: true, pushName: true } });
  for (const t of threads) fields.set(t.chatJid, { readUpToId: t.readUpToId, pushName: t.pushName });
  return fields;
}

/**
 * Adds the last messages (by primary key), saved names (Contact(ownerId, phone)), push names and unread counts
 * (ChatThread.readUpToId) to a page of chats, in one parallel round of queries.
 */
export async function describeChats(device: { id: number; ownerId: number }, tails: ChatTail[]): Promise<ChatSummary[]> {
  if (tails.length === 0) return [];
  const prisma = db();
  const phones = tails.flatMap((t) => chatPhone(t.chatJid) ?? []);
  const [lasts, contacts, fields] = await Promise.all([
    lastMessages(tails.map((t) => t.lastId)),
    phones.length > 0
      ? prisma.contact.findMany({ where: { ownerId: device.ownerId, phone: { in: phones } }, select: { phone: true, name: true } })
      : Promise.resolve([]),
    threadFields(device.id, tails),
  ]);
  const lastById = new Map(lasts.map((m) => [m.id, m]));
  const names = new Map(contacts.map((c) => [c.phone, c.name]));
  const readUpTo = new Map([...fields].map(([chatJid, f]) => [chatJid, f.readUpToId]));
  const awaiting = await awaitingIdsWhereNeeded(device.id, tails, readUpTo);
  return tails.flatMap((tail): ChatSummary[] => {
    const last = lastById.get(tail.lastId);
    if (!last) return [];
    const phone = chatPhone(tail.chatJid);
    return [
      {
        chatJid: tail.chatJid,
        phone,
        isGroup: isGroupJid(tail.chatJid),
        ...pickChatName(phone ? names.get(phone) : undefined, fields.get(tail.chatJid)?.pushName),
        unread: unreadCount(tail, awaiting.get(tail.chatJid) ?? tail.awaitingIds ?? [], readUpTo.get(tail.chatJid) ?? null),
        lastMessage: last,
        awaitingReply: tail.awaitingReply,
        incoming: tail.incoming ?? null,
        outgoing: tail.outgoing ?? null,
      },
    ];
  });
}

interface LastMessageRow {
  id: number;
  type: MessageType;
  preview: string | null;
  direction: MessageDirection;
  status: MessageStatus;
  timestamp: string;
}

/**
 * The chats' last messages by primary key, on the driver pool, with only the preview's characters of their text: a
 * page lists up to 200 chats, whose rows at 10M messages mostly sit on cold pages, and Prisma's mapping cost more than
 * the read.
 */
async function lastMessages(ids: number[]): Promise<ChatSummary["lastMessage"][]> {
  const rows = await driverPool().query<LastMessageRow[]>(
    `SELECT id, type, LEFT(content, ${PREVIEW_LENGTH}) AS preview, direction, status, \`timestamp\`
       FROM Message WHERE id IN (${ids.map(() => "?").join(", ")})`,
    ids,
  );
  return rows.map((row) => ({ ...row, id: Number(row.id), preview: row.preview === "" ? null : row.preview, timestamp: driverDate(row.timestamp) }));
}

function unreadCount(tail: ChatTail, awaitingIds: readonly number[], readUpToId: number | null): number {
  if (readUpToId === null) return tail.awaitingIds?.length ?? tail.awaitingReply;
  if (readUpToId >= tail.lastId) return 0;
  return awaitingIds.filter((id) => id > readUpToId).length;
}

/**
 * The awaiting messages' ids of chats opened before their latest message, for lists that carry only the count
 * (ChatThread): they are the chat's last `awaitingReply` messages, read in one UNION ALL of per-chat index dives.
 */
async function awaitingIdsWhereNeeded(deviceId: number, tails: ChatTail[], readUpTo: Map<string, number | null>): Promise<Map<string, number[]>> {
  const needed = tails.filter((t) => {
    const read = readUpTo.get(t.chatJid) ?? null;
    return !t.awaitingIds && t.awaitingReply > 0 && read !== null && read < t.lastId;
  });
  if (needed.length === 0) return new Map();
  const dives = needed.map(
    (t) => Prisma.sql`(SELECT id, chatJid FROM Message WHERE deviceId = ${deviceId} AND chatJid = ${t.chatJid}
      ORDER BY \`timestamp\` DESC, id DESC LIMIT ${Math.min(t.awaitingReply, AWAITING_REPLY_CAP + 1)})`,
  );
  const rows = await db().$queryRaw<Array<{ id: number | bigint; chatJid: string }>>(Prisma.join(dives, " UNION ALL "));
  const byChat = new Map<string, number[]>();
  for (const row of rows) byChat.set(row.chatJid, [...(byChat.get(row.chatJid) ?? []), Number(row.id)]);
  return byChat;
}
