import type { IncomingMessage } from "../../whatsapp/inbound-port";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "../../db";
import { eventBus } from "../../events/bus";

export type { IncomingMessage };

/** A redelivered message is stored already: checked before downloading its media again. */
export async function incomingMessageExists(deviceId: number, waMessageId: string): Promise<boolean> {
  const row = await db().message.findUnique({ where: { deviceId_waMessageId: { deviceId, waMessageId } }, select: { id: true } });
  return row !== null;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/**
 * Stores a message a contact sent and publishes `message.received`. WhatsApp redelivers messages after
 * reconnects; the (deviceId, waMessageId) unique key turns a redelivery into a no-op (returns null).
 */
export async function storeIncomingMessage(message: IncomingMessage): Promise<number | null> {
  let id: number;
  try {
    const row = await db().message.create({
      data: {
        deviceId: message.device.id,
        ownerId: message.device.ownerId,
        waMessageId: message.waMessageId,
        chatJid: message.chatJid,
        fromJid: message.fromJid,
        toJid: message.toJid,
        type: message.type,
        content: message.content,
        mediaId: message.mediaId ?? null,
        direction: "incoming",
        status: "delivered",
        timestamp: message.timestamp,
        // The sender's WhatsApp display name is kept so contact lists and chat lists can show it.
        metadata: message.pushName ? { pushName: message.pushName, ...(isObject(message.metadata) ? message.metadata : {}) } : message.metadata,
      },
      select: { id: true },
    });
    id = row.id;
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
  eventBus().publish(
    "message.received",
    {
      deviceId: message.device.deviceId,
      messageId: id,
      chatJid: message.chatJid,
      fromJid: message.fromJid,
      type: message.type,
      content: message.content,
      timestamp: message.timestamp.toISOString(),
      pushName: message.pushName,
      mediaId: message.mediaId ?? null,
    },
    { ownerId: message.device.ownerId },
  );
  return id;
}

function isObject(value: unknown): value is Record<string, Prisma.InputJsonValue> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
