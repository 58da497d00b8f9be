import { phoneFromJid } from "@/lib/phone";
import { AppError } from "../../errors";
import { db } from "../../db";
import { ownedDeviceWhere } from "../../authz/where";
import type { Actor } from "../../authz/actor";
import { chatHistory } from "./chat-history";
import type { ChatMessage } from "./chat-message-select";

export interface GroupHistoryInput {
  actor: Actor;
  deviceId: string;
  groupJid: string;
  cursor?: string;
  limit: number;
}

export type GroupChatMessage = ChatMessage & { senderName: string | null };

/**
 * A group conversation of a device, newest first, on the same keyset as chatHistory. Each message names its sender:
 * the owner's saved contact, else the member's WhatsApp name (as kept with the group, or carried by the message).
 */
export async function groupHistory(input: GroupHistoryInput): Promise<{ items: GroupChatMessage[]; nextCursor: string | null }> {
  const device = await db().device.findFirst({ where: ownedDeviceWhere(input.actor, input.deviceId), select: { id: true, ownerId: true } });
  if (!device) throw new AppError("NOT_FOUND", "Device not found");
  const page = await chatHistory({ device, chatJid: input.groupJid, cursor: input.cursor, limit: input.limit });
  const senders = [...new Set(page.items.filter((m) => m.direction === "incoming").map((m) => m.fromJid))];
  const [members, contacts, pushNames] = await Promise.all([
    db().groupParticipant.findMany({ where: { group: { deviceId: device.id, groupJid: input.groupJid }, jid: { in: senders } }, select: { jid: true, name: true } }),
    db().contact.findMany({ where: { ownerId: device.ownerId, phone: { in: senders.flatMap((jid) => phoneFromJid(jid) ?? []) } }, select: { phone: true, name: true } }),
    db().message.findMany({ where: { id: { in: page.items.map((m) => m.id) } }, select: { id: true, metadata: true } }),
  ]);
  const memberNames = new Map(members.map((m) => [m.jid, m.name]));
  const contactNames = new Map(contacts.map((c) => [c.phone, c.name]));
  const messagePushNames = new Map(pushNames.map((m) => [m.id, pushNameOf(m.metadata)]));
  return {
    items: page.items.map((message) => {
      if (message.direction !== "incoming") return { ...message, senderName: null };
      const phone = phoneFromJid(message.fromJid);
      const name = (phone && contactNames.get(phone)) || memberNames.get(message.fromJid) || messagePushNames.get(message.id) || null;
      return { ...message, senderName: name };
    }),
    nextCursor: page.nextCursor,
  };
}

function pushNameOf(metadata: unknown): string | null {
  if (typeof metadata !== "object" || metadata === null || Array.isArray(metadata)) return null;
  const name = (metadata as { pushName?: unknown }).pushName;
  return typeof name === "string" ? name : null;
}
