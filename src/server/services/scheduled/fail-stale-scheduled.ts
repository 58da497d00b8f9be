import type { DeviceStatus } from "@/generated/prisma/enums";
import { db } from "../../db";
import type { SweepRequest } from "../../jobs/work-source";
import { publishScheduledStatus } from "./publish-status";

function reasonFor(status: DeviceStatus, graceMs: number): string {
  if (status === "logged_out") return "The device was logged out of WhatsApp before the message could be sent";
  const minutes = Math.max(1, Math.round(graceMs / 60_000));
  return `The device was not connected to WhatsApp within ${minutes} minute${minutes === 1 ? "" : "s"} of the scheduled time`;
}

/**
 * Gives up pending messages due for longer than the grace whose device is not connected (logged out, disconnected
 * by its owner, wiped, or unable to reconnect). Devices that are connected are left alone: their owner runs them.
 * Each row is failed by its own conditional UPDATE, so a row claimed in between is never touched.
 */
export async function failStaleScheduled({ now, graceMs, staleBefore }: SweepRequest): Promise<number> {
  const cutoff = new Date(now.getTime() - graceMs);
  const candidates = await db().scheduledMessage.findMany({
    where: {
      status: "pending",
      scheduleTime: { lt: cutoff },
      OR: [{ claimedAt: null }, { claimedAt: { lt: staleBefore } }],
      device: { status: { not: "connected" } },
    },
    select: { id: true, ownerId: true, attempts: true, sentMessageId: true, device: { select: { deviceId: true, status: true } } },
    orderBy: { scheduleTime: "asc" },
    take: 200,
  });
  // A crash can leave an item whose message did go out (its row moved past pending): that one is sent, not failed.
  const linked = candidates.flatMap((r) => (r.sentMessageId === null ? [] : [r.sentMessageId]));
  const delivered = new Set(
    linked.length
      ? (await db().message.findMany({ where: { id: { in: linked }, status: { in: ["sent", "delivered", "read"] } }, select: { id: true } })).map((m) => m.id)
      : [],
  );
  let failed = 0;
  for (const row of candidates) {
    const sent = row.sentMessageId !== null && delivered.has(row.sentMessageId);
    const error = sent ? null : reasonFor(row.device.status, graceMs);
    const { count } = await db().scheduledMessage.updateMany({
      where: { id: row.id, status: "pending", attempts: row.attempts, OR: [{ claimedAt: null }, { claimedAt: { lt: staleBefore } }] },
      data: { status: sent ? "sent" : "failed", error, claimedAt: null, ...(sent ? { late: true } : {}) },
    });
    if (count !== 1) continue;
    if (!sent) failed += 1;
    publishScheduledStatus({
      id: row.id,
      ownerId: row.ownerId,
      deviceId: row.device.deviceId,
      status: sent ? "sent" : "failed",
      late: sent,
      error,
      messageId: row.sentMessageId,
    });
  }
  return failed;
}
