import type { JobItemStatus } from "@/generated/prisma/enums";
import { db } from "../../db";
import { driverParam, driverPool } from "../../db/driver-pool";
import { jobProgressSelect, pendingCount, publishJobCounts, publishJobProgress, readJobProgress, refreshJobCounts, type JobProgressRow } from "./job-progress";

type FinalItemStatus = Extract<JobItemStatus, "sent" | "failed" | "skipped">;

const COUNTER: Record<FinalItemStatus, "completed" | "failed" | "skipped"> = { sent: "completed", failed: "failed", skipped: "skipped" };

/**
 * Moves a pending item to its final state and counts it on the job in one transaction, so the job's counters never
 * drift from its items across a crash. `claim` (when given) fences the write to the current claim; a `sent` result is
 * recorded without it: a takeover that raced us sent the same WhatsApp id, and whoever records it first wins.
 * Returns the job after the change, or null when the item was no longer pending or the job was not read back:
 * `pendingBefore` (the job's pending count when the item was loaded) above 1 means the job surely runs on, and its
 * counts go out with the next progress window instead (a job that did end meanwhile is settled by settleFinishedJobs).
 */
export async function finishItem(input: {
  itemId: number;
  jobId: number;
  status: FinalItemStatus;
  error?: string | null;
  claim?: number;
  pendingBefore?: number;
}): Promise<JobProgressRow | null> {
  const now = new Date();
  const counter = `\`${COUNTER[input.status]}\``;
  const at = driverParam(now);
  // One statement for the item and its job's counter: atomic without a transaction, and it runs for every recipient.
  const { affectedRows: changed } = await driverPool().query<{ affectedRows: number }>(
    `UPDATE \`JobItem\` ji JOIN \`Job\` j ON j.\`id\` = ji.\`jobId\`
        SET ji.\`status\` = ?, ji.\`error\` = ?, ji.\`claimedAt\` = NULL, ji.\`finishedAt\` = ?, ji.\`updatedAt\` = ?,
            j.${counter} = j.${counter} + 1, j.\`updatedAt\` = ?
      WHERE ji.\`id\` = ? AND ji.\`jobId\` = ? AND ji.\`status\` = 'pending'${input.claim === undefined ? "" : " AND ji.`attempts` = ?"}`,
    [input.status, input.error?.slice(0, 500) ?? null, at, at, at, input.itemId, input.jobId, ...(input.claim === undefined ? [] : [input.claim])],
  );
  if (changed === 0) return null;
  if (input.pendingBefore !== undefined && input.pendingBefore > 1) {
    refreshJobCounts(input.jobId);
    return null;
  }
  const job = await readJobProgress(input.jobId);
  if (!job) return null;
  publishJobCounts(job);
  if (job.status === "processing" && pendingCount(job) === 0) await settleJob(job.id);
  return job;
}

/**
 * A running job with no pending item left ends: completed when nothing failed, failed when nothing was sent,
 * partial otherwise. Conditioned on `processing`, so it ends once even when two items finish together.
 */
export async function settleJob(jobId: number): Promise<void> {
  const job = await db().job.findUnique({ where: { id: jobId }, select: jobProgressSelect });
  if (!job || job.status !== "processing" || pendingCount(job) > 0) return;
  const status = job.failed === 0 ? "completed" : job.completed === 0 ? "failed" : "partial";
  const error = status === "completed" ? null : `${job.failed} of ${job.total} messages could not be sent`;
  const { count } = await db().job.updateMany({
    where: { id: jobId, status: "processing" },
    data: { status, error, pauseReason: null, finishedAt: new Date() },
  });
  if (count === 1) publishJobProgress({ ...job, status, error, pauseReason: null });
}

/** Pauses a running job with a reason the owner sees; `resumeAt` makes it continue by itself (daily limit). */
export async function pauseRunningJob(jobId: number, pauseReason: string, error: string, resumeAt: Date | null = null): Promise<boolean> {
  const { count } = await db().job.updateMany({
    where: { id: jobId, status: "processing" },
    data: { status: "paused", pauseReason, error: error.slice(0, 500), resumeAt },
  });
  if (count === 1) publishJobProgress(await db().job.findUniqueOrThrow({ where: { id: jobId }, select: jobProgressSelect }));
  return count === 1;
}
