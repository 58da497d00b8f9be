"use client";

import { Megaphone } from "lucide-react";
import { errorMessage } from "@/components/errors/error-message";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useT } from "@/i18n/provider";
import { JobCard } from "./job-card";
import type { JobRow } from "./job-types";

/** What the list needs of an infinite query over job pages (job.list and admin.jobs alike). */
interface JobPages {
  data: { pages: Array<{ items: JobRow[] }> } | undefined;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  refetch: () => unknown;
  fetchNextPage: () => unknown;
}

/** A paged list of jobs with its loading, error and empty states. */
export function JobCards({ list, admin = false }: { list: JobPages; admin?: boolean }) {
  const t = useT();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  if (list.isPending) {
    return (
      <div className="grid gap-3">
        <Skeleton className="h-32" />
        <Skeleton className="h-32" />
      </div>
    );
  }
  if (list.isError) return <ErrorState title={t("common.loadError")} message={errorMessage(list.error, t)} retryLabel={t("common.retry")} onRetry={() => void list.refetch()} />;
  if (items.length === 0) return <EmptyState icon={Megaphone} title={t("jobs.empty")} description={admin ? undefined : t("jobs.emptyBody")} />;
  return (
    <div className="grid gap-3">
      {items.map((job) => (
        <JobCard key={job.id} job={job} showOwner={admin} canRetry={admin} />
      ))}
      {list.hasNextPage ? (
        <Button variant="outline" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {t("jobs.loadMore")}
        </Button>
      ) : null}
    </div>
  );
}
