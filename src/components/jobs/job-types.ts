import type { RouterOutputs } from "@/trpc/react";

export type JobRow = RouterOutputs["job"]["list"]["items"][number];
export type JobDetailRow = RouterOutputs["job"]["get"];

const LIVE = new Set(["scheduled", "processing", "paused"]);

export function isLive(job: Pick<JobRow, "status">): boolean {
  return LIVE.has(job.status);
}

/** Seconds left at the job's average pacing; null when nothing is queued to send. */
export function etaSeconds(job: Pick<JobRow, "pending" | "delayMinMs" | "delayMaxMs" | "status">): number | null {
  if (job.pending === 0 || (job.status !== "processing" && job.status !== "paused")) return null;
  return Math.ceil((job.pending * (job.delayMinMs + job.delayMaxMs)) / 2 / 1000);
}

/** "1 h 5 min", "3 min", "40 s" — short on purpose; both languages read it. */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
