"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { Inbox, RotateCcw } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { errorMessage } from "@/components/errors/error-message";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { useFormat, useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { STATUS_TONE, type DeliveryItem, type DeliveryStatus } from "./types";

const PAGE_SIZE = 20;
/** While something is still pending, the log refreshes this often (attempts are recorded by the server's runner). */
const PENDING_REFRESH_MS = 2000;

/** An endpoint's deliveries, newest first: status, attempts, request and response excerpts, replay. */
export function DeliveryLog({ webhookId }: { webhookId: number }) {
  const t = useT();
  const trpc = useTRPC();
  const [status, setStatus] = useState<DeliveryStatus | "all">("all");
  const deliveries = useInfiniteQuery(
    trpc.webhook.deliveries.infiniteQueryOptions(
      { webhookId, status: status === "all" ? undefined : status, limit: PAGE_SIZE },
      {
        getNextPageParam: (last) => last.nextCursor ?? undefined,
        refetchInterval: (query) => (query.state.data?.pages.some((p) => p.items.some((d) => d.status === "pending")) ? PENDING_REFRESH_MS : false),
      },
    ),
  );
  const items = deliveries.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="grid min-w-0 grid-cols-1 gap-3">
      <div className="flex items-center justify-between gap-2">
        <h2 className="min-w-0 truncate text-base font-semibold">{t("webhooks.deliveries")}</h2>
        <Select value={status} onValueChange={(v) => setStatus(v as DeliveryStatus | "all")}>
          <SelectTrigger className="w-40 shrink-0" aria-label={t("webhooks.status")}>
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value="all">{t("webhooks.statusAll")}</SelectItem>
            {(["pending", "succeeded", "failed", "dead"] as const).map((s) => (
              <SelectItem key={s} value={s}>
                {t(`webhooks.statuses.${s}`)}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      {deliveries.isPending ? (
        <div className="grid gap-2">
          {Array.from({ length: 3 }, (_, i) => (
            <Skeleton key={i} className="h-16 w-full" />
          ))}
        </div>
      ) : deliveries.isError ? (
        <ErrorState title={t("common.loadError")} message={errorMessage(deliveries.error, t)} retryLabel={t("common.retry")} onRetry={() => void deliveries.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState icon={Inbox} title={t("webhooks.noDeliveries")} description={t("webhooks.noDeliveriesBody")} />
      ) : (
        <ul className="grid min-w-0 grid-cols-1 gap-2" data-testid="delivery-log">
          {items.map((delivery) => (
            <DeliveryRow key={delivery.id} webhookId={webhookId} delivery={delivery} />
          ))}
        </ul>
      )}
      {deliveries.hasNextPage ? (
        <Button variant="outline" className="justify-self-center" loading={deliveries.isFetchingNextPage} onClick={() => void deliveries.fetchNextPage()}>
          {t("webhooks.loadMore")}
        </Button>
      ) : null}
    </div>
  );
}

function DeliveryRow({ webhookId, delivery }: { webhookId: number; delivery: DeliveryItem }) {
  const t = useT();
  const format = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const replay = useMutation(
    trpc.webhook.replay.mutationOptions({
      onSuccess: () => {
        toast.success(t("webhooks.replayed"));
        void queryClient.invalidateQueries({ queryKey: trpc.webhook.pathKey() });
      },
      onError: (error) => toast.error(errorMessage(error, t)),
    }),
  );
  return (
    <li className="min-w-0 rounded-lg border bg-card p-3" data-testid="delivery-row" data-status={delivery.status}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <Badge tone={STATUS_TONE[delivery.status]} data-testid="delivery-status">
          {t(`webhooks.statuses.${delivery.status}`)}
        </Badge>
        <code className="font-mono text-[13px]">{delivery.eventType}</code>
        <span className="text-xs text-muted-foreground">
          {t("webhooks.attempts")}: {delivery.attempts}
        </span>
        {delivery.responseStatus !== null ? <span className="text-xs text-muted-foreground">HTTP {delivery.responseStatus}</span> : null}
        {delivery.durationMs !== null ? <span className="text-xs text-muted-foreground">{t("webhooks.duration", { ms: delivery.durationMs })}</span> : null}
        <time className="text-xs text-muted-foreground sm:ml-auto" dateTime={new Date(delivery.createdAt).toISOString()}>
          {format.dateTime(delivery.createdAt)}
        </time>
      </div>
      <p className="mt-1 truncate font-mono text-xs text-muted-foreground" title={delivery.eventId}>
        {delivery.eventId}
        {delivery.replayOfId !== null ? ` · ${t("webhooks.replayOf", { id: delivery.replayOfId })}` : ""}
        {delivery.status === "pending" && delivery.attempts > 0 ? ` · ${t("webhooks.nextAttempt", { time: format.dateTime(delivery.nextAttemptAt) })}` : ""}
      </p>
      {delivery.error ? <p className="mt-1 text-xs break-words text-destructive">{delivery.error}</p> : null}
      <details className="mt-2 text-xs">
        <summary className="cursor-pointer text-muted-foreground">
          {t("webhooks.request")} / {t("webhooks.responseBody")}
        </summary>
        <div className="mt-2 grid grid-cols-1 gap-2 lg:grid-cols-2">
          <pre className="max-h-48 overflow-auto rounded-md bg-muted p-2 font-mono break-all whitespace-pre-wrap">{delivery.requestExcerpt}</pre>
          <pre className="max-h-48 overflow-auto rounded-md bg-muted p-2 font-mono break-all whitespace-pre-wrap" data-testid="delivery-response">
            {delivery.responseExcerpt || t("webhooks.noResponse")}
          </pre>
        </div>
      </details>
      {delivery.status !== "pending" ? (
        <div className="mt-2 flex justify-end">
          <Button size="sm" variant="outline" loading={replay.isPending} onClick={() => replay.mutate({ webhookId, deliveryId: delivery.id })}>
            <RotateCcw aria-hidden />
            {t("webhooks.replay")}
          </Button>
        </div>
      ) : null}
    </li>
  );
}
