import type { MediaKind, MessageDirection, MessageOrigin, MessageStatus, MessageType } from "@/generated/prisma/enums";
import { driverDate, driverPool } from "../../db/driver-pool";
import type { SentMessage } from "./send-text";

interface SentMessageRow {
  id: number;
  waMessageId: string | null;
  chatJid: string;
  fromJid: string;
  toJid: string;
  type: MessageType;
  content: string | null;
  direction: MessageDirection;
  status: MessageStatus;
  error: string | null;
  timestamp: string;
  createdAt: string;
  updatedAt: string;
  deviceId: number;
  ownerId: number;
  origin: MessageOrigin;
  devicePublicId: string;
  deviceName: string;
  mediaId: number | null;
  mediaKind: MediaKind | null;
  mediaMimeType: string | null;
  mediaSize: number | null;
  mediaFileName: string | null;
  sentById: number | null;
  sentByUsername: string | null;
  sentByFullName: string | null;
}

/**
 * A sent message as the API returns it (`messageSelect`), in one statement on the driver pool: every interactive send
 * returns its row, and Prisma read it in five statements (the message, its device, sender and media).
 */
export async function readSentMessage(id: number): Promise<SentMessage> {
  const [row] = await driverPool().query<SentMessageRow[]>(
    `SELECT m.\`id\`, m.\`waMessageId\`, m.\`chatJid\`, m.\`fromJid\`, m.\`toJid\`, m.\`type\`, m.\`content\`, m.\`direction\`,
            m.\`status\`, m.\`error\`, m.\`timestamp\`, m.\`createdAt\`, m.\`updatedAt\`, m.\`deviceId\`, m.\`ownerId\`, m.\`origin\`,
            d.\`deviceId\` AS devicePublicId, d.\`deviceName\`,
            f.\`id\` AS mediaId, f.\`kind\` AS mediaKind, f.\`mimeType\` AS mediaMimeType, f.\`size\` AS mediaSize,
            f.\`fileName\` AS mediaFileName,
            u.\`id\` AS sentById, u.\`username\` AS sentByUsername, u.\`fullName\` AS sentByFullName
       FROM \`Message\` m
       JOIN \`Device\` d ON d.\`id\` = m.\`deviceId\`
       LEFT JOIN \`MediaFile\` f ON f.\`id\` = m.\`mediaId\`
       LEFT JOIN \`User\` u ON u.\`id\` = m.\`sentById\`
      WHERE m.\`id\` = ?`,
    [id],
  );
  if (!row) throw new Error(`message ${id} vanished right after it was sent`);
  return {
    id: Number(row.id),
    waMessageId: row.waMessageId,
    chatJid: row.chatJid,
    fromJid: row.fromJid,
    toJid: row.toJid,
    type: row.type,
    content: row.content,
    direction: row.direction,
    status: row.status,
    error: row.error,
    timestamp: driverDate(row.timestamp),
    createdAt: driverDate(row.createdAt),
    updatedAt: driverDate(row.updatedAt),
    device: { deviceId: row.devicePublicId, deviceName: row.deviceName },
    media:
      row.mediaId === null
        ? null
        : { id: Number(row.mediaId), kind: row.mediaKind as MediaKind, mimeType: row.mediaMimeType ?? "", size: Number(row.mediaSize), fileName: row.mediaFileName },
    deviceId: Number(row.deviceId),
    ownerId: Number(row.ownerId),
    origin: row.origin,
    sentBy: row.sentById === null ? null : { id: Number(row.sentById), username: row.sentByUsername ?? "", fullName: row.sentByFullName },
  };
}

/** Where an outgoing message stands, read on the driver pool (the send path, when a receipt overtook its own write). */
export async function readOutgoingStatus(id: number): Promise<{ status: MessageStatus; error: string | null }> {
  const [row] = await driverPool().query<Array<{ status: MessageStatus; error: string | null }>>("SELECT `status`, `error` FROM `Message` WHERE `id` = ?", [id]);
  if (!row) throw new Error(`message ${id} vanished while it was being sent`);
  return { status: row.status, error: row.error };
}
