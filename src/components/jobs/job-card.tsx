"use client";

import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { useFormat, useT } from "@/i18n/provider";
import { JobControls } from "./job-controls";
import { JobProgressBar } from "./job-progress-bar";
import { isCapWait, JobStatusBadge } from "./job-status-badge";
import { etaSeconds, formatDuration, type JobRow } from "./job-types";

/** One job in a list: title, state and reason, progress, ETA or start time, and its controls. */
export function JobCard({ job, showOwner = false, canRetry = false }: { job: JobRow; showOwner?: boolean; canRetry?: boolean }) {
  const t = useT();
  const format = useFormat();
  const eta = etaSeconds(job);
  const group = job.type === "group_media";
  return (
    <Card data-testid="job-card" data-job-id={job.id}>
      <CardContent className="grid gap-3 p-4">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div className="grid min-w-0 gap-0.5">
            <div className="flex flex-wrap items-center gap-2">
              <Link href={`/jobs/${job.id}`} className="font-medium hover:underline">
                {t("jobs.job", { id: job.id })}
              </Link>
              {group ? <Badge data-testid="job-group-badge">{t("jobs.groupJob")}</Badge> : null}
            </div>
            <p className="truncate text-xs text-muted-foreground">
              {job.device.deviceName} · {group ? t("jobs.groups", { count: job.total }) : t("jobs.recipients", { count: job.total })} · {format.dateTime(job.createdAt)}
              {showOwner ? ` · ${job.owner.username}` : ""}
            </p>
          </div>
          <JobStatusBadge status={job.status} pauseReason={job.pauseReason} resumeAt={job.resumeAt} />
        </div>
        <JobProgressBar job={job} />
        {job.error ? <p className="text-xs text-muted-foreground" data-testid="job-error">{job.error}</p> : null}
        <div className="flex flex-wrap items-center justify-between gap-2">
          <p className="text-xs text-muted-foreground">
            {job.status === "scheduled" && job.resumeAt ? t("jobs.startsAt", { time: format.dateTime(job.resumeAt) }) : null}
            {job.status === "paused" && job.resumeAt && !isCapWait(job.pauseReason) ? t("jobs.continuesAt", { time: format.dateTime(job.resumeAt) }) : null}
            {eta !== null && job.status === "processing" ? t("jobs.eta", { time: formatDuration(eta) }) : null}
          </p>
          <JobControls job={job} canRetry={canRetry} />
        </div>
      </CardContent>
    </Card>
  );
}
