import type { MessageStatus } from "@/generated/prisma/enums";
import { eventBus } from "../../events/bus";
import { retryOnWriteConflict } from "../../db/write-conflict";
import { driverParam, driverPool } from "../../db/driver-pool";
import { globalSingleton } from "../../global-singleton";
import type { OutgoingStatusUpdate } from "../../whatsapp/inbound-port";
import { KeyCache } from "../../whatsapp/key-cache";

/**
 * Statuses a message may move to each status from: receipts only ever move a message forward. A receipt is proof
 * the phone has the message, so it also overrides `failed`: a message given up after its ack was lost with the
 * connection (fail-unacknowledged.ts) may have reached WhatsApp after all.
 */
const FORWARD_FROM: Record<Exclude<MessageStatus, "pending">, MessageStatus[]> = {
  sent: ["pending"],
  delivered: ["pending", "sent", "failed"],
  read: ["pending", "sent", "delivered", "failed"],
  failed: ["pending", "sent"],
};

export type { OutgoingStatusUpdate };

/** Row ids of the messages this process stored lately, by device and WhatsApp id: their receipts follow within
 * moments, and each would otherwise read the id back. Ids never change; a deleted row just matches nothing. */
function recentOutgoingIds(): KeyCache {
  return globalSingleton("recentOutgoingIds", () => new KeyCache(10 * 60_000, 20_000));
}

export function rememberOutgoingId(deviceDbId: number, waMessageId: string, messageId: number): void {
  recentOutgoingIds().set(`${deviceDbId}:${waMessageId}`, messageId);
}

/** The row of a receipt's message: remembered from its send, else read on the driver pool. */
async function messageIdOf(deviceDbId: number, waMessageId: string): Promise<number | undefined> {
  const remembered = recentOutgoingIds().get<number>(`${deviceDbId}:${waMessageId}`);
  if (remembered !== undefined) return remembered;
  const [row] = await driverPool().query<Array<{ id: number }>>("SELECT `id` FROM `Message` WHERE `deviceId` = ? AND `waMessageId` = ?", [
    deviceDbId,
    waMessageId,
  ]);
  return row ? Number(row.id) : undefined;
}

/**
 * Moves an outgoing message forward (pending → sent → delivered → read, or → failed) and publishes one
 * `message.status` per real change. The allowed previous statuses are part of the UPDATE's WHERE, so late or
 * duplicate receipts and racing writers can never move a message backwards or publish twice.
 *
 * The UPDATE goes by primary key only (the row id is looked up first with a plain, non-locking read): an UPDATE
 * searched through the (deviceId, waMessageId) index locked index records and gaps that concurrent inserts of the
 * same device also lock, which deadlocked (1213) under bursts. The rare conflict left is retried.
 */
export async function updateOutgoingStatus(update: OutgoingStatusUpdate): Promise<boolean> {
  const error = update.status === "failed" ? (update.error ?? "Sending failed").slice(0, 500) : null;
  const messageId = update.messageId ?? (await messageIdOf(update.device.id, update.waMessageId));
  if (messageId === undefined) return false;
  const from = FORWARD_FROM[update.status];
  // On the driver pool: this runs two or three times for every message sent (sent, delivered, read).
  const { affectedRows } = await retryOnWriteConflict(() =>
    driverPool().query<{ affectedRows: number }>(
      `UPDATE \`Message\` SET \`status\` = ?, \`error\` = ?, \`updatedAt\` = ?
        WHERE \`id\` = ? AND \`direction\` = 'outgoing' AND \`status\` IN (${from.map(() => "?").join(", ")})`,
      [update.status, error, driverParam(update.at ?? new Date()), messageId, ...from],
    ),
  );
  if (affectedRows === 0) return false;
  eventBus().publish(
    "message.status",
    { deviceId: update.device.deviceId, messageId, waMessageId: update.waMessageId, status: update.status, error },
    { ownerId: update.device.ownerId },
  );
  return true;
}
