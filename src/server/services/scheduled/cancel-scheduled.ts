import { AppError } from "../../errors";
import { db } from "../../db";
import { ownedByActor } from "../../authz/where";
import type { ServiceCall } from "../devices/types";
import { publishScheduledStatus } from "./publish-status";
import { recordScheduledChange } from "./record-scheduled-change";
import { scheduledSelect, toScheduledViews, type ScheduledView } from "./scheduled-select";

/**
 * Cancels a pending scheduled message. The UPDATE requires `sentMessageId IS NULL`, the same row the runner's link
 * step requires: whichever commits first wins, so a cancelled message is never sent and a message already handed
 * to WhatsApp is never reported cancelled.
 */
export async function cancelScheduled(input: ServiceCall & { id: number }): Promise<ScheduledView> {
  const where = { id: input.id, ...ownedByActor(input.actor) };
  const row = await db().scheduledMessage.findFirst({ where, select: { id: true, status: true, ownerId: true, device: { select: { deviceId: true } } } });
  if (!row) throw new AppError("NOT_FOUND", "Scheduled message not found");
  if (row.status !== "pending") {
    throw new AppError("CONFLICT", `Only pending messages can be cancelled; this one is ${row.status}`);
  }
  const { count } = await db().scheduledMessage.updateMany({
    where: { ...where, status: "pending", sentMessageId: null },
    data: { status: "cancelled", claimedAt: null },
  });
  if (count === 0) throw new AppError("CONFLICT", "The message is already being sent and can no longer be cancelled");
  await recordScheduledChange({ ...input, ownerId: row.ownerId, action: "scheduled.cancel", scheduledId: row.id, details: { deviceId: row.device.deviceId } });
  publishScheduledStatus({ id: row.id, ownerId: row.ownerId, deviceId: row.device.deviceId, status: "cancelled" });
  const [view] = await toScheduledViews([await db().scheduledMessage.findUniqueOrThrow({ where: { id: row.id }, select: scheduledSelect })]);
  return view!;
}
