import { Prisma } from "@/generated/prisma/client";
import { db } from "../../../db";
import { driverQuery } from "../../../db/driver-pool";
import { deliverScheduled, type DeliveryPolicy } from "../../scheduled/deliver-scheduled";
import { failStaleScheduled } from "../../scheduled/fail-stale-scheduled";
import { nudgeCount } from "../../../jobs/nudge";
import { claimIsFree } from "../../../jobs/worker-instance";
import { onePerDevice, type ClaimRequest, type ClaimedWork, type SweepRequest, type WorkSource } from "../../../jobs/work-source";

const NAME = "scheduled-message";

/**
 * Due ScheduledMessages as runner work. The claim reads under READ COMMITTED so rows it looks at but does not take
 * are not left locked (REPEATABLE READ would keep every scanned row locked until commit, and other runners would
 * skip them for nothing).
 */
export function scheduledMessageSource(policy: Partial<DeliveryPolicy> = {}): WorkSource {
  // Devices found with nothing due, until when (epoch ms), and the nudge count then: a lane that keeps sending a
  // blast asks after every item, and a message scheduled meanwhile is only promised within the poll interval.
  const quiet = new Map<number, { until: number; nudges: number }>();
  const isQuiet = (deviceDbId: number, now: number) => {
    const entry = quiet.get(deviceDbId);
    return entry !== undefined && entry.until > now && entry.nudges === nudgeCount();
  };
  return {
    name: NAME,

    async claim({ devices: asked, limit, now, staleBefore, instanceId, liveAfter, pollMs }: ClaimRequest): Promise<ClaimedWork[]> {
      const nudgesBefore = nudgeCount();
      const devices = pollMs ? asked.filter((d) => !isQuiet(d.id, now.getTime())) : asked;
      if (devices.length === 0 || limit <= 0) return [];
      const byId = new Map(devices.map((d) => [d.id, d]));
      // A few rows per device, so one device's backlog cannot hide another device's due item from this pass.
      const scan = Math.min(500, devices.length * 4);
      // A plain read first: the runner asks after every item of a lane, and mostly nothing is due. Only then the
      // locking claim (four statements with its transaction). On the driver pool: Prisma cost ~1 ms of CPU per read.
      const due = await driverQuery<{ id: number }>(Prisma.sql`
        SELECT \`id\` FROM \`ScheduledMessage\`
        WHERE \`status\` = 'pending' AND \`scheduleTime\` <= ${now}
          AND \`deviceId\` IN (${Prisma.join([...byId.keys()])})
          AND ${claimIsFree({ staleBefore, liveAfter })}
        LIMIT 1`);
      if (due.length === 0) {
        if (pollMs) for (const id of byId.keys()) quiet.set(id, { until: now.getTime() + pollMs, nudges: nudgesBefore });
        return [];
      }
      return db().$transaction(
        async (tx) => {
          const rows = await tx.$queryRaw<Array<{ id: number; deviceId: number; attempts: number }>>`
            SELECT \`id\`, \`deviceId\`, \`attempts\` FROM \`ScheduledMessage\`
            WHERE \`status\` = 'pending' AND \`scheduleTime\` <= ${now}
              AND \`deviceId\` IN (${Prisma.join([...byId.keys()])})
              AND ${claimIsFree({ staleBefore, liveAfter })}
            ORDER BY \`scheduleTime\`, \`id\`
            LIMIT ${scan}
            FOR UPDATE SKIP LOCKED`;
          const picked = onePerDevice(rows, limit);
          if (picked.length === 0) return [];
          await tx.$executeRaw`
            UPDATE \`ScheduledMessage\` SET \`claimedAt\` = ${now}, \`claimedBy\` = ${instanceId}, \`attempts\` = \`attempts\` + 1, \`updatedAt\` = ${now}
            WHERE \`id\` IN (${Prisma.join(picked.map((r) => r.id))})`;
          return picked.flatMap((r) => {
            const device = byId.get(Number(r.deviceId));
            return device ? [{ id: Number(r.id), device, claim: Number(r.attempts) + 1 }] : [];
          });
        },
        { isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted },
      );
    },

    run: (work) => deliverScheduled(work, policy),

    async release(work) {
      await db().scheduledMessage.updateMany({ where: { id: work.id, status: "pending", attempts: work.claim }, data: { claimedAt: null } });
    },

    async renew(work, now) {
      const { count } = await db().scheduledMessage.updateMany({
        where: { id: work.id, status: "pending", attempts: work.claim },
        data: { claimedAt: now },
      });
      return count === 1;
    },

    sweep: (request: SweepRequest) => failStaleScheduled(request),

    async backlog(now) {
      const { _count, _min } = await db().scheduledMessage.aggregate({
        where: { status: "pending", scheduleTime: { lte: now } },
        _count: true,
        _min: { scheduleTime: true },
      });
      return { depth: _count, oldestDueAt: _min.scheduleTime };
    },
  };
}
