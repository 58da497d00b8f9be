import { db } from "../../db";
import { eventBus } from "../../events/bus";
import { blockWaitingScheduled } from "../scheduled/block-waiting-scheduled";

export interface WaitingDevice {
  id: number;
  deviceId: string;
  ownerId: number;
}

/**
 * The device was logged out or banned: its messages that wait to go out (outgoing rows still pending, scheduled
 * messages already due) get the reason at once, so they show as blocked instead of quietly pending. They stay
 * pending: relinking the device (or a lifted ban) sends them, which clears the reason; the scheduled sweep fails
 * what waits past its grace.
 */
export async function blockWaitingMessages(device: WaitingDevice, reason: string, now = new Date()): Promise<number> {
  const error = reason.slice(0, 500);
  const rows = await db().message.findMany({
    where: { deviceId: device.id, direction: "outgoing", status: "pending" },
    select: { id: true, waMessageId: true },
  });
  if (rows.length > 0) {
    const { count } = await db().message.updateMany({ where: { id: { in: rows.map((r) => r.id) }, status: "pending" }, data: { error } });
    // Only rows still pending after the update are announced; a receipt racing us keeps its own event.
    if (count > 0) {
      const still = await db().message.findMany({ where: { id: { in: rows.map((r) => r.id) }, status: "pending" }, select: { id: true, waMessageId: true } });
      for (const row of still) {
        eventBus().publish(
          "message.status",
          { deviceId: device.deviceId, messageId: row.id, waMessageId: row.waMessageId, status: "pending", error },
          { ownerId: device.ownerId },
        );
      }
    }
  }
  return rows.length + (await blockWaitingScheduled(device, error, now));
}
