import { Prisma } from "@/generated/prisma/client";
import { toJid } from "@/lib/phone";
import { db } from "../../../db";
import { driverQuery } from "../../../db/driver-pool";
import { connectionManager } from "../../../whatsapp/registry";
import { deliverJobItem, type JobDeliveryPolicy } from "../../jobs/deliver-job-item";
import { pauseRunningJob } from "../../jobs/finish-item";
import { reconcileJobs } from "../../jobs/reconcile-jobs";
import { cachedCapSettings, capHold, capRoom, forgetOldSendWindows, laneUsage } from "../../jobs/send-caps";
import { claimIsFree } from "../../../jobs/worker-instance";
import type { ClaimRequest, ClaimedWork, RunnerDevice, WorkSource } from "../../../jobs/work-source";

const NAME = "job-item";
/** Clock- and device-driven job changes are checked at most this often (passes run after every item). */
const RECONCILE_EVERY_MS = 1000;
const FORGET_WINDOWS_EVERY_MS = 3600_000;

/** A bulk item's recipient as a jid: a number, or a group's jid (group media jobs). */
function recipientJid(recipient: string): string[] {
  if (recipient.includes("@")) return [recipient];
  try {
    return [toJid(recipient)];
  } catch {
    return []; // its send fails with the reason
  }
}

interface RunningJob {
  id: number;
  deviceId: number;
  delayMaxMs: number;
}

/** Above this many devices a pass reads every running job (few) rather than binding each device id. */
const DEVICES_PER_LOOKUP = 50;

/**
 * The running jobs of these devices, oldest first, on the driver pool. A lane asks for its one device after every
 * item; a pass over a large idle fleet asks for all of them each second, so there the running jobs are read whole.
 */
async function runningJobsOf(devices: RunnerDevice[]): Promise<RunningJob[]> {
  const ids = devices.map((d) => d.id);
  if (ids.length <= DEVICES_PER_LOOKUP) {
    return driverQuery<RunningJob>(Prisma.sql`
      SELECT \`id\`, \`deviceId\`, \`delayMaxMs\` FROM \`Job\`
      WHERE \`status\` = 'processing' AND \`deviceId\` IN (${Prisma.join(ids)}) ORDER BY \`id\``);
  }
  const wanted = new Set(ids);
  const running = await driverQuery<RunningJob>(Prisma.sql`
    SELECT \`id\`, \`deviceId\`, \`delayMaxMs\` FROM \`Job\` WHERE \`status\` = 'processing' ORDER BY \`id\``);
  return running.filter((job) => wanted.has(job.deviceId));
}

/** Unpaced items claimed together per device: one claim transaction serves this many sends of the lane. */
const BATCH = 16;

/**
 * Pending items of running bulk jobs as runner work, oldest job first per device. The running jobs are read first
 * without locks; then each free device's next items are locked with SKIP LOCKED (one short query per device, so one
 * device's backlog never hides another's work). An unpaced job's items are claimed in batches of up to BATCH and
 * handed out one at a time: every item keeps its own fencing token, and a batch left by a dead process is taken over
 * like any claim. Pause and cancel are re-checked when each item is sent.
 *
 * A device whose hourly or daily send cap is reached takes no bulk item: its running jobs wait (paused with the cap
 * as reason and a resume time) and continue by themselves when the window frees. A batch never holds more items than
 * the caps still allow; the send itself checks the caps again in the transaction that counts it (deliver-job-item).
 */
export function jobItemSource(policy: Partial<JobDeliveryPolicy> = {}): WorkSource {
  let reconciledAt = 0;
  let windowsForgottenAt = 0;
  const capSettings = cachedCapSettings();
  /** Claimed, not yet handed out, per device id: only the lane of that device takes from it. */
  const batches = new Map<number, ClaimedWork[]>();
  let claimedBy: string | undefined;

  async function releaseAll(works: ClaimedWork[]): Promise<void> {
    for (const work of works) {
      await db().jobItem.updateMany({ where: { id: work.id, status: "pending", attempts: work.claim }, data: { claimedAt: null } });
    }
  }

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
      claimedBy = instanceId;
      const claimed: ClaimedWork[] = [];
      const toClaim: RunnerDevice[] = [];
      for (const device of devices) {
        const next = batches.get(device.id)?.shift();
        if (next && claimed.length < limit) claimed.push({ ...next, device });
        else if (!next) toClaim.push(device);
      }
      if (toClaim.length === 0 || claimed.length >= limit) return claimed;
      const jobs = await runningJobsOf(toClaim);
      if (jobs.length === 0) return claimed;
      const jobsByDevice = new Map<number, Array<{ id: number; delayMaxMs: number }>>();
      for (const job of jobs) jobsByDevice.set(job.deviceId, [...(jobsByDevice.get(job.deviceId) ?? []), job]);
      const usage = await laneUsage([...jobsByDevice.keys()], await capSettings(), now);
      const wanted: Array<{ device: RunnerDevice; jobIds: number[]; size: number }> = [];
      for (const device of toClaim) {
        const deviceJobs = jobsByDevice.get(device.id);
        const deviceUsage = usage.get(device.id);
        if (!deviceJobs || !deviceUsage) continue;
        const hold = capHold(deviceUsage, now);
        if (hold) {
          for (const job of deviceJobs) await pauseRunningJob(job.id, hold.reason, hold.message, hold.until);
          continue;
        }
        if (claimed.length + wanted.length >= limit) continue;
        // A paced job sends one item per pause: items claimed ahead would only wait out their lease.
        const unpaced = deviceJobs[0]?.delayMaxMs === 0;
        const size = unpaced ? Math.max(1, Math.min(BATCH, capRoom(deviceUsage))) : 1;
        wanted.push({ device, jobIds: deviceJobs.map((j) => j.id), size });
      }
      if (wanted.length === 0) return claimed;
      const lookAhead: Array<{ device: RunnerDevice; recipients: string[] }> = [];
      const fresh = await db().$transaction(
        async (tx) => {
          const taken: ClaimedWork[][] = [];
          for (const { device, jobIds, size } of wanted) {
            const rows = await tx.$queryRaw<Array<{ id: number; attempts: number; recipient: string }>>`
              SELECT \`id\`, \`attempts\`, \`recipient\` FROM \`JobItem\`
              WHERE \`jobId\` IN (${Prisma.join(jobIds)}) AND \`status\` = 'pending'
                AND ${claimIsFree({ staleBefore, liveAfter })}
              ORDER BY \`jobId\`, \`id\`
              LIMIT ${size}
              FOR UPDATE SKIP LOCKED`;
            taken.push(rows.map((row) => ({ id: Number(row.id), device, claim: Number(row.attempts) + 1 })));
            if (rows.length > 1) lookAhead.push({ device, recipients: rows.map((row) => row.recipient) });
          }
          const ids = taken.flat().map((w) => w.id);
          if (ids.length === 0) return [];
          await tx.$executeRaw`
            UPDATE \`JobItem\` SET \`claimedAt\` = ${now}, \`claimedBy\` = ${instanceId}, \`attempts\` = \`attempts\` + 1, \`updatedAt\` = ${now}
            WHERE \`id\` IN (${Prisma.join(ids)})`;
          return taken;
        },
        { isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted },
      );
      // A batch's numbers are checked on WhatsApp in one query now rather than one query per send.
      for (const { device, recipients } of lookAhead) connectionManager().lookAheadRecipients(device.deviceId, recipients.flatMap(recipientJid));
      for (const [first, ...rest] of fresh) {
        if (!first) continue;
        claimed.push(first);
        if (rest.length > 0) batches.set(first.device.id, rest);
      }
      return claimed;
    },

    run: (work) => deliverJobItem(work, policy),

    async release(work) {
      await releaseAll([work]);
    },

    async renew(work, now) {
      // The lane's waiting items are renewed with the running one: a slow send must not let their lease expire.
      const waiting = (batches.get(work.device.id) ?? []).map((w) => w.id);
      if (waiting.length > 0) {
        await db().jobItem.updateMany({ where: { id: { in: waiting }, status: "pending", claimedBy: claimedBy ?? "" }, data: { claimedAt: now } });
      }
      const { count } = await db().jobItem.updateMany({ where: { id: work.id, status: "pending", attempts: work.claim }, data: { claimedAt: now } });
      return count === 1;
    },
  };
}
