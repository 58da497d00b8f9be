"use client";

import { useQuery } from "@tanstack/react-query";
import { errorMessage, isNotFound } from "@/components/errors/error-message";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useFormat, useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { JobControls } from "./job-controls";
import { JobItemsTable } from "./job-items-table";
import { JobProgressBar } from "./job-progress-bar";
import { JobStatusBadge } from "./job-status-badge";
import { etaSeconds, formatDuration } from "./job-types";

/** One job: state, live progress, replies, pacing and times, controls, and every recipient. */
export function JobDetail({ jobId, isAdmin }: { jobId: number; isAdmin: boolean }) {
  const t = useT();
  const format = useFormat();
  const trpc = useTRPC();
  const job = useQuery(trpc.job.get.queryOptions({ id: jobId }));
  if (job.isPending) return <Skeleton className="h-48" />;
  if (job.isError) {
    return (
      <ErrorState
        title={isNotFound(job.error) ? t("common.notFoundTitle") : t("common.loadError")}
        message={isNotFound(job.error) ? t("common.notFoundBody") : errorMessage(job.error, t)}
        retryLabel={t("common.retry")}
        onRetry={() => void job.refetch()}
      />
    );
  }
  const data = job.data;
  const eta = etaSeconds(data);
  const facts: Array<[string, string]> = [
    [t("jobs.device"), data.device.deviceName],
    [t("jobs.owner"), data.owner.username],
    [t("jobs.pacing"), t("jobs.pacingValue", { min: data.delayMinMs / 1000, max: data.delayMaxMs / 1000 })],
    data.type === "group_media"
      ? [t("jobs.recipient"), t("jobs.groups", { count: data.total })]
      : [t("jobs.replies"), t("jobs.repliesValue", { messages: data.replies.messages, recipients: data.replies.recipients })],
    [t("jobs.created"), format.dateTime(data.createdAt)],
    [t("jobs.started"), data.startedAt ? format.dateTime(data.startedAt) : t("common.none")],
    [t("jobs.finished"), data.finishedAt ? format.dateTime(data.finishedAt) : t("common.none")],
  ];
  return (
    <div className="grid gap-6">
      <Card>
        <CardContent className="grid gap-4 p-5">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <div className="flex flex-wrap items-center gap-2">
              <JobStatusBadge status={data.status} pauseReason={data.pauseReason} resumeAt={data.resumeAt} />
              {data.type === "group_media" ? <Badge data-testid="job-group-badge">{t("jobs.groupJob")}</Badge> : null}
            </div>
            <JobControls job={data} canRetry={isAdmin} size="default" />
          </div>
          <JobProgressBar job={data} />
          {data.error ? <p className="text-sm text-muted-foreground" data-testid="job-error">{data.error}</p> : null}
          {eta !== null && data.status === "processing" ? <p className="text-sm">{t("jobs.eta", { time: formatDuration(eta) })}</p> : null}
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-4">
            {facts.map(([label, value]) => (
              <div key={label} className="grid gap-0.5">
                <dt className="text-xs text-muted-foreground">{label}</dt>
                <dd data-testid={label === t("jobs.replies") ? "job-replies" : undefined}>{value}</dd>
              </div>
            ))}
          </dl>
        </CardContent>
      </Card>
      <JobItemsTable jobId={jobId} />
    </div>
  );
}
