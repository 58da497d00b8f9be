import { randomUUID } from "node:crypto";
import type { Prisma } from "../../../src/generated/prisma/client";
import { db } from "../../../src/server/db";

export interface SeededDevice {
  id: number;
  deviceId: string;
  ownerId: number;
}

export async function seedDevice(ownerId: number, name = "Toko"): Promise<SeededDevice> {
  const deviceId = `chat-${randomUUID().slice(0, 12)}`;
  const row = await db().device.create({ data: { deviceId, deviceName: name, ownerId, phoneNumber: "+6281900000001" }, select: { id: true } });
  return { id: row.id, deviceId, ownerId };
}

export const jidOf = (digits: string) => `${digits}@s.whatsapp.net`;

export interface SeedMessage {
  chatJid: string;
  at: Date;
  direction?: "incoming" | "outgoing";
  content?: string;
  pushName?: string;
}

/** Inserts messages in the given order (ids grow with it); returns their ids. */
export async function seedMessages(device: SeededDevice, messages: SeedMessage[]): Promise<number[]> {
  const ids: number[] = [];
  for (const m of messages) {
    const incoming = (m.direction ?? "incoming") === "incoming";
    const row = await db().message.create({
      data: {
        deviceId: device.id,
        ownerId: device.ownerId,
        waMessageId: randomUUID(),
        chatJid: m.chatJid,
        fromJid: incoming ? m.chatJid : jidOf("6281900000001"),
        toJid: incoming ? jidOf("6281900000001") : m.chatJid,
        content: m.content ?? "hello",
        direction: m.direction ?? "incoming",
        status: incoming ? "delivered" : "read",
        timestamp: m.at,
        metadata: m.pushName ? ({ pushName: m.pushName } satisfies Prisma.InputJsonValue) : undefined,
      },
      select: { id: true },
    });
    ids.push(row.id);
  }
  return ids;
}
