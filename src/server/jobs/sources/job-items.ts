import { Prisma } from "@/generated/prisma/client";
import { db } from "../../db";
import { deliverJobItem, type JobDeliveryPolicy } from "../../services/jobs/deliver-job-item";
import { reconcileJobs } from "../../services/jobs/reconcile-jobs";
import { claimIsFree } from "../worker-instance";
import type { ClaimRequest, ClaimedWork, WorkSource } from "../work-source";

const NAME = "job-item";
/** Clock- and device-driven job changes are checked at most this often (passes run after every item). */
const RECONCILE_EVERY_MS = 1000;

/**
 * Pending items of running bulk jobs as runner work, oldest job first per device. The running jobs are read first
 * without locks; then each free device's next item is locked with SKIP LOCKED (one short query per device, so one
 * device's backlog never hides another's work). Pause and cancel are re-checked when the item is sent.
 */
export function jobItemSource(policy: Partial<JobDeliveryPolicy> = {}): WorkSource {
  let reconciledAt = 0;
  return {
    name: NAME,

    async maintain(now: Date): Promise<void> {
      if (now.getTime() - reconciledAt < RECONCILE_EVERY_MS) return;
      reconciledAt = now.getTime();
      await reconcileJobs(now);
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
      const wanted = devices.filter((d) => jobsByDevice.has(d.id)).slice(0, limit);
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

    async renew(work, now) {
      const { count } = await db().jobItem.updateMany({ where: { id: work.id, status: "pending", attempts: work.claim }, data: { claimedAt: now } });
      return count === 1;
    },
  };
}
