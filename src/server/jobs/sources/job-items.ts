import { Prisma } from "@/generated/prisma/client";
import { db } from "../../db";
import { deliverJobItem, type JobDeliveryPolicy } from "../../services/jobs/deliver-job-item";
import { pauseRunningJob } from "../../services/jobs/finish-item";
import { reconcileJobs } from "../../services/jobs/reconcile-jobs";
import { cachedCapSettings, capHold, forgetOldSendWindows, laneUsage } from "../../services/jobs/send-caps";
import { claimIsFree } from "../worker-instance";
import type { ClaimRequest, ClaimedWork, RunnerDevice, WorkSource } from "../work-source";

const NAME = "job-item";
/** Clock- and device-driven job changes are checked at most this often (passes run after every item). */
const RECONCILE_EVERY_MS = 1000;
const FORGET_WINDOWS_EVERY_MS = 3600_000;

/**
 * Pending items of running bulk jobs as runner work, oldest job first per device. The running jobs are read first
 * without locks; then each free device's next item is locked with SKIP LOCKED (one short query per device, so one
 * device's backlog never hides another's work). Pause and cancel are re-checked when the item is sent.
 *
 * A device whose hourly or daily send cap is reached takes no bulk item: its running jobs wait (paused with the cap
 * as reason and a resume time) and continue by themselves when the window frees. Only one item per device runs at a
 * time, so the cap read at claim time cannot be overtaken by another send of the same lane.
 */
export function jobItemSource(policy: Partial<JobDeliveryPolicy> = {}): WorkSource {
  let reconciledAt = 0;
  let windowsForgottenAt = 0;
  const capSettings = cachedCapSettings();
  return {
    name: NAME,

    async maintain(now: Date): Promise<void> {
      if (now.getTime() - reconciledAt < RECONCILE_EVERY_MS) return;
      reconciledAt = now.getTime();
      await reconcileJobs(now);
      if (now.getTime() - windowsForgottenAt >= FORGET_WINDOWS_EVERY_MS) {
        windowsForgottenAt = now.getTime();
        await forgetOldSendWindows(now);
      }
    },

    async claim({ devices, limit, now, staleBefore, instanceId, liveAfter }: ClaimRequest): Promise<ClaimedWork[]> {
      if (devices.length === 0 || limit <= 0) return [];
      const jobs = await db().job.findMany({
        where: { status: "processing", deviceId: { in: devices.map((d) => d.id) } },
        select: { id: true, deviceId: true },
        orderBy: { id: "asc" },
      });
      if (jobs.length === 0) return [];
      const jobsByDevice = new Map<number, number[]>();
      for (const job of jobs) jobsByDevice.set(job.deviceId, [...(jobsByDevice.get(job.deviceId) ?? []), job.id]);
      const usage = await laneUsage([...jobsByDevice.keys()], await capSettings(), now);
      const wanted: RunnerDevice[] = [];
      for (const device of devices) {
        const jobIds = jobsByDevice.get(device.id);
        const deviceUsage = usage.get(device.id);
        if (!jobIds || !deviceUsage) continue;
        const hold = capHold(deviceUsage, now);
        if (hold) {
          for (const jobId of jobIds) await pauseRunningJob(jobId, hold.reason, hold.message, hold.until);
          continue;
        }
        if (wanted.length < limit) wanted.push(device);
      }
      if (wanted.length === 0) return [];
      return db().$transaction(
        async (tx) => {
          const claimed: ClaimedWork[] = [];
          for (const device of wanted) {
            const jobIds = jobsByDevice.get(device.id) ?? [];
            const [row] = await tx.$queryRaw<Array<{ id: number; attempts: number }>>`
              SELECT \`id\`, \`attempts\` FROM \`JobItem\`
              WHERE \`jobId\` IN (${Prisma.join(jobIds)}) AND \`status\` = 'pending'
                AND ${claimIsFree({ staleBefore, liveAfter })}
              ORDER BY \`jobId\`, \`id\`
              LIMIT 1
              FOR UPDATE SKIP LOCKED`;
            if (row) claimed.push({ id: Number(row.id), device, claim: Number(row.attempts) + 1 });
          }
          if (claimed.length === 0) return [];
          await tx.$executeRaw`
            UPDATE \`JobItem\` SET \`claimedAt\` = ${now}, \`claimedBy\` = ${instanceId}, \`attempts\` = \`attempts\` + 1, \`updatedAt\` = ${now}
            WHERE \`id\` IN (${Prisma.join(claimed.map((c) => c.id))})`;
          return claimed;
        },
        { isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted },
      );
    },

    run: (work) => deliverJobItem(work, policy),

    async release(work) {
      await db().jobItem.updateMany({ where: { id: work.id, status: "pending", attempts: work.claim }, data: { claimedAt: null } });
    },

    async renew(work, now) {
      const { count } = await db().jobItem.updateMany({ where: { id: work.id, status: "pending", attempts: work.claim }, data: { claimedAt: now } });
      return count === 1;
    },
  };
}
