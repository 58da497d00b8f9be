import type { MessageDirection, MessageStatus, MessageType } from "@/generated/prisma/enums";
import { db } from "../../db";
import { chatPhone, isGroupJid } from "./chat-jid";

/** Replies owed are counted up to CAP + 1, which means "more than CAP" (the ChatThread trigger counts to 21). */
export const AWAITING_REPLY_CAP = 20;
const PREVIEW_LENGTH = 160;

export interface ChatSummary {
  chatJid: string;
  phone: string | null;
  isGroup: boolean;
  /** The saved contact's name, else the name the contact gave WhatsApp (pushName), else null. */
  name: string | null;
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
  replied: boolean;
  /** The name the contact gave WhatsApp, from their latest message's metadata. */
  pushName: string | null;
  incoming?: number;
  outgoing?: number;
}

/** Adds the last messages (by primary key) and saved names (Contact(ownerId, phone)) to a page of chats. */
export async function describeChats(device: { ownerId: number }, tails: ChatTail[]): Promise<ChatSummary[]> {
  if (tails.length === 0) return [];
  const prisma = db();
  const phones = tails.flatMap((t) => chatPhone(t.chatJid) ?? []);
  const [lasts, contacts] = await Promise.all([
    prisma.message.findMany({
      where: { id: { in: tails.map((t) => t.lastId) } },
      select: { id: true, type: true, content: true, direction: true, status: true, timestamp: true },
    }),
    phones.length > 0
      ? prisma.contact.findMany({ where: { ownerId: device.ownerId, phone: { in: phones } }, select: { phone: true, name: true } })
      : Promise.resolve([]),
  ]);
  const lastById = new Map(lasts.map((m) => [m.id, m]));
  const names = new Map(contacts.map((c) => [c.phone, c.name]));
  return tails.flatMap((tail): ChatSummary[] => {
    const last = lastById.get(tail.lastId);
    if (!last) return [];
    const phone = chatPhone(tail.chatJid);
    return [
      {
        chatJid: tail.chatJid,
        phone,
        isGroup: isGroupJid(tail.chatJid),
        name: (phone ? names.get(phone) : undefined) ?? tail.pushName,
        lastMessage: { ...last, preview: last.content ? last.content.slice(0, PREVIEW_LENGTH) : null },
        awaitingReply: tail.awaitingReply,
        incoming: tail.incoming ?? null,
        outgoing: tail.outgoing ?? null,
      },
    ];
  });
}
