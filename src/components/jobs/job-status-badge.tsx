"use client";

import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { JobStatus } from "@/generated/prisma/enums";
import { useT } from "@/i18n/provider";
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

/** The job's state, and why it is paused (the reason code is shown in words; the details are in `error`). */
export function JobStatusBadge({ status, pauseReason }: { status: JobStatus; pauseReason: string | null }) {
  const t = useT();
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
