import type { Prisma } from "@/generated/prisma/client";
import type { MessageDirection } from "@/generated/prisma/enums";
import { db } from "../../db";
import { withChatNames } from "../chat/display-names";
import { messageSelect } from "./message-select";

export interface ListMessagesInput {
  device: { id: number };
  chatJid?: string;
  direction?: MessageDirection;
  /** Id of the last message of the previous page (its nextCursor). */
  cursor?: number;
  limit: number;
}

export type ListedMessage = Prisma.MessageGetPayload<{ select: typeof messageSelect }> & { chatName: string | null; chatNameSaved: boolean };

/**
 * A device's messages, newest first by WhatsApp timestamp (ties by id), paged by keyset so a page costs the same
 * at any depth; the (deviceId, chatJid, timestamp) and (deviceId, timestamp) indexes serve both shapes.
 */
export async function listMessages(input: ListMessagesInput): Promise<{ items: ListedMessage[]; nextCursor: number | null }> {
  const prisma = db();
  const scope: Prisma.MessageWhereInput = {
    deviceId: input.device.id,
    ...(input.chatJid ? { chatJid: input.chatJid } : {}),
    ...(input.direction ? { direction: input.direction } : {}),
  };
  let after: Prisma.MessageWhereInput = {};
  if (input.cursor !== undefined) {
    const anchor = await prisma.message.findFirst({ where: { ...scope, id: input.cursor }, select: { id: true, timestamp: true } });
    if (!anchor) return { items: [], nextCursor: null };
    after = { OR: [{ timestamp: { lt: anchor.timestamp } }, { timestamp: anchor.timestamp, id: { lt: anchor.id } }] };
  }
  const rows = await prisma.message.findMany({
    where: { ...scope, ...after },
    select: messageSelect,
    orderBy: [{ timestamp: "desc" }, { id: "desc" }],
    take: input.limit + 1,
  });
  const items = await withChatNames(rows.slice(0, input.limit));
  return { items, nextCursor: rows.length > input.limit ? (items[items.length - 1]?.id ?? null) : null };
}
