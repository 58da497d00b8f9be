import type { Prisma } from "@/generated/prisma/client";
import type { JobStatus } from "@/generated/prisma/enums";
import { driverPool } from "../../db/driver-pool";
import { eventBus } from "../../events/bus";
import { globalSingleton } from "../../global-singleton";
import { logger } from "../../logger";
import type { JobProgress } from "../../events/types";

export const jobProgressSelect = {
  id: true,
  ownerId: true,
  status: true,
  pauseReason: true,
  error: true,
  total: true,
  completed: true,
  failed: true,
  skipped: true,
  cancelled: true,
  device: { select: { deviceId: true } },
} as const satisfies Prisma.JobSelect;

export type JobProgressRow = Prisma.JobGetPayload<{ select: typeof jobProgressSelect }>;

/** A job's progress in one statement on the driver pool (Prisma took three); it is read after every item. */
export async function readJobProgress(jobId: number): Promise<JobProgressRow | null> {
  const [row] = await driverPool().query<Array<Omit<JobProgressRow, "device"> & { deviceId: string }>>(
    `SELECT j.\`id\`, j.\`ownerId\`, j.\`status\`, j.\`pauseReason\`, j.\`error\`, j.\`total\`, j.\`completed\`, j.\`failed\`,
            j.\`skipped\`, j.\`cancelled\`, d.\`deviceId\`
       FROM \`Job\` j JOIN \`Device\` d ON d.\`id\` = j.\`deviceId\`
      WHERE j.\`id\` = ?`,
    [jobId],
  );
  if (!row) return null;
  const { deviceId, ...job } = row;
  const count = (n: number | bigint) => Number(n);
  return {
    ...job,
    id: count(job.id),
    ownerId: count(job.ownerId),
    total: count(job.total),
    completed: count(job.completed),
    failed: count(job.failed),
    skipped: count(job.skipped),
    cancelled: count(job.cancelled),
    device: { deviceId },
  };
}

export const FINAL_JOB_STATUSES: readonly JobStatus[] = ["completed", "partial", "failed", "cancelled"];

export function pendingCount(job: Pick<JobProgressRow, "total" | "completed" | "failed" | "skipped" | "cancelled">): number {
  return Math.max(0, job.total - job.completed - job.failed - job.skipped - job.cancelled);
}

/** Counter-only progress of one job is published at most this often (the latest counts always go out). */
const COUNTS_EVERY_MS = 250;

interface CountsThrottle {
  lastAt: number;
  latest: JobProgressRow | null;
  /** Counts changed but were not read: the window's end reads them. */
  reread: boolean;
  timer: NodeJS.Timeout | null;
}

function throttles(): Map<number, CountsThrottle> {
  return globalSingleton("jobProgressThrottles", () => new Map<number, CountsThrottle>());
}

/**
 * An item finished and the job runs on: its counts go out at once if none went out lately, else with the next
 * window (only the latest). A fast job would otherwise publish one event per item to every listening browser.
 */
export function publishJobCounts(job: JobProgressRow): void {
  if (job.status !== "processing") {
    publishJobProgress(job);
    return;
  }
  const throttle = throttleOf(job.id);
  if (windowOpen(throttle)) {
    throttle.lastAt = Date.now();
    publishNow(job);
    return;
  }
  throttle.latest = job;
  awaitWindow(job.id, throttle);
}

/**
 * An item finished and the job surely runs on, but its counts were not read: they are read and published at most
 * once per window (a blast would otherwise read its job back after every recipient).
 */
export function refreshJobCounts(jobId: number): void {
  const throttle = throttleOf(jobId);
  if (windowOpen(throttle)) {
    throttle.lastAt = Date.now();
    void readAndPublishCounts(jobId);
    return;
  }
  throttle.reread = true;
  awaitWindow(jobId, throttle);
}

function throttleOf(jobId: number): CountsThrottle {
  const all = throttles();
  let throttle = all.get(jobId);
  if (!throttle) {
    throttle = { lastAt: 0, latest: null, reread: false, timer: null };
    all.set(jobId, throttle);
  }
  return throttle;
}

function windowOpen(throttle: CountsThrottle): boolean {
  return !throttle.timer && throttle.lastAt + COUNTS_EVERY_MS <= Date.now();
}

function awaitWindow(jobId: number, throttle: CountsThrottle): void {
  throttle.timer ??= setTimeout(
    () => {
      throttle.timer = null;
      const { latest, reread } = throttle;
      throttle.latest = null;
      throttle.reread = false;
      throttle.lastAt = Date.now();
      if (reread) void readAndPublishCounts(jobId);
      else if (latest) publishNow(latest);
      else throttles().delete(jobId);
    },
    Math.max(0, throttle.lastAt + COUNTS_EVERY_MS - Date.now()),
  );
  throttle.timer.unref();
}

/** Counts only: a state change (pause, cancel, the end) is published by whoever made it. */
async function readAndPublishCounts(jobId: number): Promise<void> {
  try {
    const job = await readJobProgress(jobId);
    if (job?.status === "processing") publishNow(job);
  } catch (error) {
    logger().warn({ err: error, jobId }, "could not read a job's progress");
  }
}

/** `job.progress` for every change; `job.finished` too when the job reached a final state. Owner and admins see it. */
export function publishJobProgress(job: JobProgressRow): void {
  // A state change supersedes counts still waiting for their window.
  const throttle = throttles().get(job.id);
  if (throttle) {
    if (throttle.timer) clearTimeout(throttle.timer);
    throttles().delete(job.id);
  }
  publishNow(job);
}

function publishNow(job: JobProgressRow): void {
  const data: JobProgress = {
    jobId: job.id,
    deviceId: job.device.deviceId,
    status: job.status,
    pauseReason: job.pauseReason,
    error: job.error,
    total: job.total,
    completed: job.completed,
    failed: job.failed,
    skipped: job.skipped,
    cancelled: job.cancelled,
  };
  eventBus().publish("job.progress", data, { ownerId: job.ownerId });
  if (FINAL_JOB_STATUSES.includes(job.status)) eventBus().publish("job.finished", data, { ownerId: job.ownerId });
}
