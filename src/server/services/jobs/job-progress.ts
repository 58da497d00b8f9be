import type { Prisma } from "@/generated/prisma/client";
import type { JobStatus } from "@/generated/prisma/enums";
import { eventBus } from "../../events/bus";
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

export const FINAL_JOB_STATUSES: readonly JobStatus[] = ["completed", "partial", "failed", "cancelled"];

export function pendingCount(job: Pick<JobProgressRow, "total" | "completed" | "failed" | "skipped" | "cancelled">): number {
  return Math.max(0, job.total - job.completed - job.failed - job.skipped - job.cancelled);
}

/** `job.progress` for every change; `job.finished` too when the job reached a final state. Owner and admins see it. */
export function publishJobProgress(job: JobProgressRow): void {
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
