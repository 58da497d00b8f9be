import { db } from "../../db";
import { publishScheduledStatus } from "./publish-status";

/** Due, still-pending scheduled messages of a logged-out or banned device carry the reason (see blockWaitingMessages). */
export async function blockWaitingScheduled(device: { id: number; deviceId: string; ownerId: number }, error: string, now: Date): Promise<number> {
  const rows = await db().scheduledMessage.findMany({
    where: { deviceId: device.id, status: "pending", scheduleTime: { lte: now } },
    select: { id: true, ownerId: true, sentMessageId: true },
  });
  let blocked = 0;
  for (const row of rows) {
    const { count } = await db().scheduledMessage.updateMany({ where: { id: row.id, status: "pending" }, data: { error } });
    if (count !== 1) continue;
    blocked += 1;
    publishScheduledStatus({ id: row.id, ownerId: row.ownerId, deviceId: device.deviceId, status: "pending", error, messageId: row.sentMessageId });
  }
  return blocked;
}
