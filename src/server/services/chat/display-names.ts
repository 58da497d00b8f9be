import { Prisma } from "@/generated/prisma/client";
import { db } from "../../db";
import { chatPhone } from "./chat-jid";

/** Who a chat is with, as every list shows it: the saved contact's name, else the name they gave WhatsApp. */
export interface ChatName {
  /** Null when neither is known: the UI then shows the formatted number. */
  name: string | null;
  /** True when `name` is a contact the device's owner saved: "Save contact" is offered only when false. */
  saved: boolean;
}

export interface ChatRef {
  /** Message.deviceId (the row id). */
  deviceId: number;
  /** The device's owner: whose saved contacts name the chat. */
  ownerId: number;
  chatJid: string;
}

export const chatNameKey = (ref: { deviceId: number; chatJid: string }): string => `${ref.deviceId}:${ref.chatJid}`;

/** The one rule for a person's name: saved contact of the device's owner, else push name, else none. */
export function pickChatName(savedName: string | null | undefined, pushName: string | null | undefined): ChatName {
  if (savedName) return { name: savedName, saved: true };
  return { name: pushName?.trim() || null, saved: false };
}

/**
 * Names for the chats of a page of messages (or jobs, or anything keyed by device and chat): one Contact lookup per
 * owner on the page, then, for chats without a saved contact, the latest push name, one index dive per chat into
 * Message(deviceId, chatJid, timestamp). Keyed by chatNameKey.
 */
export async function chatDisplayNames(refs: readonly ChatRef[]): Promise<Map<string, ChatName>> {
  const unique = new Map(refs.map((ref) => [chatNameKey(ref), ref]));
  const phonesByOwner = new Map<number, Set<string>>();
  for (const ref of unique.values()) {
    const phone = chatPhone(ref.chatJid);
    if (phone) phonesByOwner.set(ref.ownerId, (phonesByOwner.get(ref.ownerId) ?? new Set()).add(phone));
  }
  const contacts =
    phonesByOwner.size === 0
      ? []
      : await db().contact.findMany({
          where: { OR: [...phonesByOwner].map(([ownerId, phones]) => ({ ownerId, phone: { in: [...phones] } })) },
          select: { ownerId: true, phone: true, name: true },
        });
  const saved = new Map(contacts.map((c) => [`${c.ownerId}:${c.phone}`, c.name]));
  const savedName = (ref: ChatRef) => saved.get(`${ref.ownerId}:${chatPhone(ref.chatJid) ?? ""}`);
  const unsaved = [...unique.values()].filter((ref) => !savedName(ref));
  const pushNames = await latestPushNames(unsaved);
  return new Map([...unique].map(([key, ref]) => [key, pickChatName(savedName(ref), pushNames.get(key))]));
}

async function latestPushNames(refs: readonly ChatRef[]): Promise<Map<string, string>> {
  if (refs.length === 0) return new Map();
  const dives = refs.map(
    (ref) => Prisma.sql`(SELECT deviceId, chatJid, JSON_VALUE(metadata, '$.pushName') AS pushName FROM Message
      WHERE deviceId = ${ref.deviceId} AND chatJid = ${ref.chatJid} AND direction = 'incoming' AND JSON_VALUE(metadata, '$.pushName') IS NOT NULL
      ORDER BY \`timestamp\` DESC, id DESC LIMIT 1)`,
  );
  const rows = await db().$queryRaw<Array<{ deviceId: number; chatJid: string; pushName: string }>>(Prisma.join(dives, " UNION ALL "));
  return new Map(rows.map((row) => [chatNameKey({ deviceId: Number(row.deviceId), chatJid: row.chatJid }), row.pushName]));
}

/** Adds `chatName` and `chatNameSaved` (chatDisplayNames) to rows that carry their device, owner and chat. */
export async function withChatNames<T extends ChatRef>(rows: readonly T[]): Promise<Array<T & { chatName: string | null; chatNameSaved: boolean }>> {
  const names = await chatDisplayNames(rows);
  return rows.map((row) => {
    const name = names.get(chatNameKey(row));
    return { ...row, chatName: name?.name ?? null, chatNameSaved: name?.saved ?? false };
  });
}
