"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { History } from "lucide-react";
import { useState } from "react";
import { errorMessage } from "@/components/errors/error-message";
import { Button } from "@/components/ui/button";
import { Card, CardFooter, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { ACTIVITY_CATEGORIES, type ActivityCategory } from "./action-label";
import { ActivityList } from "./activity-list";

const ALL = "all";
const PAGE_SIZE = 30;

/** /activity: the caller's own actions, newest first, filtered by kind, a page at a time. */
export function ActivityView() {
  const t = useT();
  const trpc = useTRPC();
  const [category, setCategory] = useState<ActivityCategory | null>(null);
  const activity = useInfiniteQuery(
    trpc.activity.list.infiniteQueryOptions(
      { action: category ?? undefined, limit: PAGE_SIZE },
      { getNextPageParam: (last) => last.nextCursor ?? undefined, placeholderData: keepPreviousData },
    ),
  );
  const items = activity.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card>
      <CardHeader className="flex flex-row flex-wrap items-center gap-3 border-b pb-4">
        <Label htmlFor="activity-filter">{t("activity.filter")}</Label>
        <Select
          value={category ?? ALL}
          onValueChange={(value) => setCategory((ACTIVITY_CATEGORIES as readonly string[]).includes(value) ? (value as ActivityCategory) : null)}
        >
          <SelectTrigger id="activity-filter" className="w-60">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL}>{t("activity.all")}</SelectItem>
            {ACTIVITY_CATEGORIES.map((c) => (
              <SelectItem key={c} value={c}>
                {t(`activity.categories.${c}`)}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </CardHeader>
      {activity.isPending ? (
        <div className="grid gap-4 p-5" aria-busy>
          {Array.from({ length: 4 }, (_, i) => (
            <div key={i} className="flex gap-3">
              <Skeleton className="size-8 rounded-full" />
              <div className="grid flex-1 gap-1.5">
                <Skeleton className="h-4 w-48" />
                <Skeleton className="h-3 w-72" />
              </div>
            </div>
          ))}
        </div>
      ) : activity.isError ? (
        <div className="p-5">
          <ErrorState title={t("common.loadError")} message={errorMessage(activity.error, t)} retryLabel={t("common.retry")} onRetry={() => void activity.refetch()} />
        </div>
      ) : items.length === 0 ? (
        <div className="p-5">
          <EmptyState icon={History} title={category ? t("activity.emptyFiltered") : t("activity.empty")} description={category ? undefined : t("activity.emptyBody")} />
        </div>
      ) : (
        <>
          <div className={activity.isPlaceholderData ? "opacity-60 transition-opacity" : undefined}>
            <ActivityList items={items} />
          </div>
          <CardFooter className="justify-center">
            {activity.hasNextPage ? (
              <Button variant="outline" size="sm" loading={activity.isFetchingNextPage} onClick={() => void activity.fetchNextPage()}>
                {t("activity.loadMore")}
              </Button>
            ) : (
              <p className="text-sm text-muted-foreground">{t("activity.end")}</p>
            )}
          </CardFooter>
        </>
      )}
    </Card>
  );
}
