"use client";

import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { JobStatus } from "@/generated/prisma/enums";
import { useFormat, useT } from "@/i18n/provider";
import type { MessageKey } from "@/i18n/types";

const TONE: Record<JobStatus, BadgeTone> = {
  queued: "neutral",
  scheduled: "info",
  processing: "primary",
  paused: "warning",
  completed: "success",
  partial: "warning",
  failed: "danger",
  cancelled: "neutral",
};

const REASONS = ["manual", "failure_spike", "daily_limit", "hourly_cap", "daily_cap", "device_logged_out", "device_offline"] as const;

/** Pauses that are not a stop: the device's send cap holds the job until its window frees, then it goes on by itself. */
const CAP_WAITS = ["hourly_cap", "daily_cap"];

export function isCapWait(pauseReason: string | null): boolean {
  return pauseReason !== null && CAP_WAITS.includes(pauseReason);
}

/**
 * The job's state, and why it is paused (the reason code is shown in words; the details are in `error`). A job held
 * by its device's send cap is waiting, not paused: it says for which cap and when it goes on.
 */
export function JobStatusBadge({ status, pauseReason, resumeAt = null }: { status: JobStatus; pauseReason: string | null; resumeAt?: Date | null }) {
  const t = useT();
  const format = useFormat();
  if (status === "paused" && isCapWait(pauseReason)) {
    const cap = pauseReason === "daily_cap" ? t("jobs.capWait.daily") : t("jobs.capWait.hourly");
    return (
      <span className="inline-flex flex-wrap items-center gap-1.5" data-testid="job-status" data-waiting="cap">
        <Badge tone="info" dot>
          {t("jobs.capWait.status")}
        </Badge>
        <Badge tone="info" data-testid="job-pause-reason">
          {resumeAt ? t("jobs.capWait.until", { cap, time: format.dateTime(resumeAt) }) : cap}
        </Badge>
      </span>
    );
  }
  const reason = (REASONS as readonly string[]).includes(pauseReason ?? "") ? (`jobs.reason.${pauseReason}` as MessageKey) : null;
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5" data-testid="job-status">
      <Badge tone={TONE[status]} dot={status === "processing" ? "pulse" : true}>
        {t(`jobs.status.${status}`)}
      </Badge>
      {status === "paused" && reason ? (
        <Badge tone="warning" data-testid="job-pause-reason">
          {t(reason as "jobs.reason.manual")}
        </Badge>
      ) : null}
    </span>
  );
}
