import type { DeviceStatus } from "@/generated/prisma/enums";
import { db } from "../../db";
import { retryOnWriteConflict } from "../../db/write-conflict";
import { eventBus } from "../../events/bus";
import type { SweepRequest } from "../../jobs/work-source";

const BATCH = 200;

function reasonFor(status: DeviceStatus, graceMs: number): string {
  if (status === "logged_out") return "The device was logged out of WhatsApp before WhatsApp confirmed the message";
  const minutes = Math.max(1, Math.round(graceMs / 60_000));
  return `WhatsApp did not confirm the message and the device did not reconnect within ${minutes} minute${minutes === 1 ? "" : "s"} to send it again`;
}

/**
 * Gives up direct sends WhatsApp never acknowledged (written to a connection that dropped or hung, or stored right
 * before the process died) once their device has stayed away longer than the grace: stored before the cutoff, and
 * the device not connected since the cutoff. A device that comes back in time resends them itself (outbox-watch).
 * Whether WhatsApp got a copy before the connection died cannot be known; if it did, the phone's receipt reaches
 * the device when it next connects and moves the message on to delivered or read (update-outgoing-status.ts).
 * Messages of durable work are left to their work's own sweep: a scheduled message still pending is resent by its
 * item (and failed with it; this sweep then takes its row), job items by their job.
 *
 * Each row is failed by its own UPDATE, conditioned on the row still pending and its device still away, so a resend
 * on a device that reconnected in between is never overwritten.
 */
export async function failUnacknowledged({ now, graceMs }: Pick<SweepRequest, "now" | "graceMs">): Promise<number> {
  const cutoff = new Date(now.getTime() - graceMs);
  const candidates = await db().message.findMany({
    where: {
      direction: "outgoing",
      status: "pending",
      jobItemId: null,
      createdAt: { lt: cutoff },
      device: { status: { not: "connected" }, OR: [{ lastSeen: null }, { lastSeen: { lt: cutoff } }] },
    },
    select: { id: true, waMessageId: true, error: true, device: { select: { deviceId: true, ownerId: true, status: true } } },
    orderBy: { id: "asc" },
    take: BATCH,
  });
  if (candidates.length === 0) return 0;
  const ownedByItem = new Set(
    (
      await db().scheduledMessage.findMany({
        where: { status: "pending", sentMessageId: { in: candidates.map((m) => m.id) } },
        select: { sentMessageId: true },
      })
    ).map((s) => s.sentMessageId),
  );
  let failed = 0;
  for (const row of candidates) {
    if (ownedByItem.has(row.id)) continue;
    // A device logged out or banned already gave its waiting messages the reason (block-waiting.ts): keep it.
    const error = (row.error ?? reasonFor(row.device.status, graceMs)).slice(0, 500);
    const count = await retryOnWriteConflict(
      () => db().$executeRaw`
        UPDATE \`Message\` m JOIN \`Device\` d ON d.\`id\` = m.\`deviceId\`
        SET m.\`status\` = 'failed', m.\`error\` = ${error}, m.\`updatedAt\` = NOW(3)
        WHERE m.\`id\` = ${row.id} AND m.\`status\` = 'pending' AND d.\`status\` <> 'connected'`,
    );
    if (count !== 1) continue;
    failed += 1;
    eventBus().publish(
      "message.status",
      { deviceId: row.device.deviceId, messageId: row.id, waMessageId: row.waMessageId, status: "failed", error },
      { ownerId: row.device.ownerId },
    );
  }
  return failed;
}
