"use client";

import { useQuery } from "@tanstack/react-query";
import { TrafficChart } from "@/components/analytics/charts";
import { percent } from "@/components/analytics/stat-tile";
import { useLiveRefresh } from "@/components/analytics/use-live-refresh";
import { errorMessage } from "@/components/errors/error-message";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/components/ui/cn";
import { useFormat, useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";

/** The signed-in user's own statistics (their devices only), last 14 reporting days, kept live. */
export function MyStats({ className }: { className?: string }) {
  const t = useT();
  const format = useFormat();
  const trpc = useTRPC();
  const stats = useQuery(trpc.stats.mine.queryOptions({}));
  useLiveRefresh([trpc.stats.mine.queryKey({})]);
  const d = stats.data;
  return (
    <Card className={cn(className)} data-testid="my-stats">
      <CardHeader>
        <CardTitle>{t("myStats.title")}</CardTitle>
      </CardHeader>
      <CardContent>
        {stats.isPending ? (
          <Skeleton className="h-48" />
        ) : stats.isError ? (
          <ErrorState title={t("common.loadError")} message={errorMessage(stats.error, t)} retryLabel={t("common.retry")} onRetry={() => void stats.refetch()} />
        ) : d ? (
          <div className="grid gap-4">
            <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
              {(
                [
                  ["incoming", t("myStats.incoming"), format.number(d.totals.incoming)],
                  ["outgoing", t("myStats.outgoing"), format.number(d.totals.outgoing)],
                  ["response", t("myStats.responseRate"), percent(d.totals.responseRate)],
                  ["delivered", t("myStats.deliveredRate"), percent(d.totals.deliveredRate)],
                ] as const
              ).map(([key, label, value]) => (
                <div key={key}>
                  <dt className="text-xs text-muted-foreground">{label}</dt>
                  <dd className="text-xl font-semibold tabular-nums" data-testid={`my-stats-${key}`}>
                    {value}
                  </dd>
                </div>
              ))}
            </dl>
            {d.totals.incoming + d.totals.outgoing === 0 ? (
              <p className="text-sm text-muted-foreground">{t("myStats.empty")}</p>
            ) : (
              <TrafficChart data={d.daily} labels={{ incoming: t("myStats.incoming"), outgoing: t("myStats.outgoing") }} height={200} />
            )}
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
