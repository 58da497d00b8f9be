"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { Megaphone } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { errorMessage } from "@/components/errors/error-message";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { JobStatus } from "@/generated/prisma/enums";
import { useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { JobCard } from "./job-card";

const ALL = "all";
const STATUSES = Object.values(JobStatus);

function isStatus(value: string): value is JobStatus {
  return (STATUSES as string[]).includes(value);
}

/** The caller's jobs, newest first, live (job events refetch the list). */
export function JobsList() {
  const t = useT();
  const trpc = useTRPC();
  const [status, setStatus] = useState<JobStatus | null>(null);
  const list = useInfiniteQuery(
    trpc.job.list.infiniteQueryOptions({ status: status ?? undefined, limit: 20 }, { getNextPageParam: (last) => last.nextCursor ?? undefined, placeholderData: keepPreviousData }),
  );
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-2">
          <Label htmlFor="jobs-status">{t("jobs.filterStatus")}</Label>
          <Select value={status ?? ALL} onValueChange={(v) => setStatus(isStatus(v) ? v : null)}>
            <SelectTrigger id="jobs-status" className="w-44">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value={ALL}>{t("jobs.all")}</SelectItem>
              {STATUSES.map((s) => (
                <SelectItem key={s} value={s}>
                  {t(`jobs.status.${s}`)}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
        <Button asChild>
          <Link href="/chat-blast">
            <Megaphone aria-hidden />
            {t("jobs.newBlast")}
          </Link>
        </Button>
      </div>
      {list.isPending ? (
        <div className="grid gap-3">
          <Skeleton className="h-32" />
          <Skeleton className="h-32" />
        </div>
      ) : list.isError ? (
        <ErrorState title={t("common.loadError")} message={errorMessage(list.error, t)} retryLabel={t("common.retry")} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState icon={Megaphone} title={t("jobs.empty")} description={t("jobs.emptyBody")} />
      ) : (
        <div className="grid gap-3">
          {items.map((job) => (
            <JobCard key={job.id} job={job} />
          ))}
          {list.hasNextPage ? (
            <Button variant="outline" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              {t("jobs.loadMore")}
            </Button>
          ) : null}
        </div>
      )}
    </div>
  );
}
