import { db } from "../../db";
import { pauseRunningJob } from "./finish-item";
import { jobProgressSelect, publishJobProgress } from "./job-progress";
import { settleFinishedJobs } from "./settle-finished-jobs";

/** Pauses that end by themselves at `resumeAt`: the owner's daily message limit and the device's send caps. */
const SELF_RESUMING_PAUSES = ["daily_limit", "hourly_cap", "daily_cap"] as const;

/**
 * Job state changes that come from the clock or the device rather than from a send: a scheduled job whose start
 * came, a job paused by the daily limit or a device's send cap whose window freed, and a running job whose device was logged out or
 * stopped (it waits for its owner to reconnect and resume), and a running job whose last item was counted by a process
 * that died before ending the job. Each change is one conditional UPDATE, so two runners never
 * apply it twice.
 */
export async function reconcileJobs(now: Date): Promise<void> {
  await settleFinishedJobs();
  const due = await db().job.findMany({
    where: { OR: [{ status: "scheduled" }, { status: "paused", pauseReason: { in: [...SELF_RESUMING_PAUSES] } }], resumeAt: { lte: now } },
    select: { id: true, status: true, startedAt: true },
    take: 100,
  });
  for (const job of due) {
    const { count } = await db().job.updateMany({
      where: { id: job.id, status: job.status, resumeAt: { lte: now } },
      data: { status: "processing", pauseReason: null, error: null, resumeAt: null, startedAt: job.startedAt ?? now },
    });
    if (count === 1) publishJobProgress(await db().job.findUniqueOrThrow({ where: { id: job.id }, select: jobProgressSelect }));
  }
  // A device that will not come back by itself: logged out, or stopped (banned by WhatsApp, or disconnected by its owner).
  const stranded = await db().job.findMany({
    where: {
      status: "processing",
      device: { OR: [{ status: "logged_out" }, { status: "disconnected", autoConnect: false }] },
    },
    select: { id: true, device: { select: { status: true, lastError: true } } },
    take: 100,
  });
  for (const job of stranded) {
    if (job.device.status === "logged_out") {
      await pauseRunningJob(job.id, "device_logged_out", "Paused: the device was logged out of WhatsApp; pair it again, then resume");
    } else {
      const why = job.device.lastError ? `: ${job.device.lastError}` : "";
      await pauseRunningJob(job.id, "device_offline", `Paused: the device is not connected${why}; connect it, then resume`);
    }
  }
}
