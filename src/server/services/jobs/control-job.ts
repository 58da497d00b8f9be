import type { JobStatus } from "@/generated/prisma/enums";
import { AppError } from "../../errors";
import { db } from "../../db";
import { ownedByActor } from "../../authz/where";
import { nudgeRunner } from "../../jobs/nudge";
import type { ServiceCall } from "../devices/types";
import { jobProgressSelect, publishJobProgress, type JobProgressRow } from "./job-progress";
import { recordJobChange } from "./record-job-change";

type JobCall = ServiceCall & { id: number };

/** The caller's job (any job for admins), or NOT_FOUND: another user's job does not "exist". */
async function ownedJob(call: JobCall): Promise<JobProgressRow> {
  const job = await db().job.findFirst({ where: { id: call.id, ...ownedByActor(call.actor) }, select: jobProgressSelect });
  if (!job) throw new AppError("NOT_FOUND", "Job not found");
  return job;
}

function refuse(action: string, status: JobStatus): never {
  throw new AppError("CONFLICT", `A ${status} job cannot be ${action}`);
}

async function changed(call: JobCall, job: JobProgressRow, action: "job.pause" | "job.resume" | "job.cancel" | "job.retry", details = {}): Promise<JobProgressRow> {
  const fresh = await db().job.findUniqueOrThrow({ where: { id: job.id }, select: jobProgressSelect });
  publishJobProgress(fresh);
  await recordJobChange({ ...call, ownerId: job.ownerId, action, jobId: job.id, details: { deviceId: job.device.deviceId, ...details } });
  return fresh;
}

/** Stops a running job before its next send (the send in flight, if any, completes). */
export async function pauseJob(call: JobCall): Promise<JobProgressRow> {
  const job = await ownedJob(call);
  if (job.status !== "processing" && job.status !== "paused") refuse("paused", job.status);
  const { count } = await db().job.updateMany({
    where: { id: job.id, status: { in: ["processing", "paused"] } },
    data: { status: "paused", pauseReason: "manual", error: null, resumeAt: null },
  });
  if (count !== 1) refuse("paused", (await ownedJob(call)).status);
  return changed(call, job, "job.pause");
}

/** Continues a paused job with its pending items (a reason that still holds, such as the daily limit, pauses it again). */
export async function resumeJob(call: JobCall): Promise<JobProgressRow> {
  const job = await ownedJob(call);
  if (job.status !== "paused") refuse("resumed", job.status);
  const { count } = await db().job.updateMany({
    where: { id: job.id, status: "paused" },
    data: { status: "processing", pauseReason: null, error: null, resumeAt: null },
  });
  if (count !== 1) refuse("resumed", (await ownedJob(call)).status);
  nudgeRunner();
  return changed(call, job, "job.resume");
}

/**
 * Ends a job: every pending item that has not been handed to WhatsApp is cancelled. The job row is updated first, in
 * the same transaction: a send that already stored its message (it locked the job row while running) goes out, and
 * any later one sees the job cancelled and stops.
 */
export async function cancelJob(call: JobCall): Promise<JobProgressRow> {
  const job = await ownedJob(call);
  if (job.status === "completed" || job.status === "partial" || job.status === "failed" || job.status === "cancelled") refuse("cancelled", job.status);
  const cancelled = await db().$transaction(async (tx) => {
    const { count } = await tx.job.updateMany({
      where: { id: job.id, status: { in: ["queued", "scheduled", "processing", "paused"] } },
      data: { status: "cancelled", pauseReason: null, resumeAt: null, finishedAt: new Date() },
    });
    if (count !== 1) return null;
    const items = await tx.jobItem.updateMany({
      where: { jobId: job.id, status: "pending", message: { is: null } },
      data: { status: "cancelled", claimedAt: null, finishedAt: new Date() },
    });
    await tx.job.update({ where: { id: job.id }, data: { cancelled: { increment: items.count } } });
    return items.count;
  });
  if (cancelled === null) refuse("cancelled", (await ownedJob(call)).status);
  return changed(call, job, "job.cancel", { items: cancelled });
}

/** Admin only (SPEC §2): puts the failed items back in the queue; a finished job runs again. */
export async function retryJob(call: JobCall): Promise<JobProgressRow> {
  if (call.actor.role !== "admin") throw new AppError("FORBIDDEN", "Only administrators can retry jobs");
  const job = await ownedJob(call);
  if (job.status === "cancelled") refuse("retried", job.status);
  if (job.failed === 0) throw new AppError("CONFLICT", "The job has no failed messages to retry");
  const retried = await db().$transaction(async (tx) => {
    const items = await tx.jobItem.updateMany({
      where: { jobId: job.id, status: "failed" },
      data: { status: "pending", error: null, claimedAt: null, finishedAt: null },
    });
    const finished = job.status === "completed" || job.status === "partial" || job.status === "failed";
    await tx.job.update({
      where: { id: job.id },
      data: {
        failed: { decrement: items.count },
        ...(finished ? { status: "processing", error: null, finishedAt: null } : {}),
      },
    });
    return items.count;
  });
  nudgeRunner();
  return changed(call, job, "job.retry", { items: retried });
}
