"use client";

import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { CalendarClock, TriangleAlert, X } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { errorMessage } from "@/components/errors/error-message";
import { isMediaType } from "@/components/media/media-kind";
import { MediaTag } from "@/components/media/media-tag";
import { MessageStatusBadge } from "@/components/status/message-status-badge";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { ScheduledStatus } from "@/generated/prisma/enums";
import { useFormat, useLocale, useT } from "@/i18n/provider";
import { useTRPC, type RouterOutputs } from "@/trpc/react";
import { formatInZone } from "./format";
import { ScheduledStatusBadge } from "./scheduled-status-badge";
import { failureReason } from "@/components/messages/failure-reason";

export type ScheduledItem = RouterOutputs["message"]["scheduled"]["list"]["items"][number];

const ALL = "all";
const PAGE_SIZE = 20;
const STATUSES = Object.values(ScheduledStatus);
const EXCERPT = 160;

function isStatus(value: string): value is ScheduledStatus {
  return (STATUSES as string[]).includes(value);
}

/** The caller's scheduled messages, newest first, filtered by status, a page at a time; pending ones can be cancelled. */
export function ScheduledList() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<ScheduledStatus | null>(null);
  const [cancelling, setCancelling] = useState<ScheduledItem | null>(null);
  const list = useInfiniteQuery(
    trpc.message.scheduled.list.infiniteQueryOptions(
      { status: status ?? undefined, limit: PAGE_SIZE },
      { getNextPageParam: (last) => last.nextCursor ?? undefined, placeholderData: keepPreviousData },
    ),
  );
  const cancel = useMutation(
    trpc.message.scheduled.cancel.mutationOptions({
      onSuccess: () => {
        setCancelling(null);
        toast.success(t("schedule.cancelled"));
        void queryClient.invalidateQueries({ queryKey: trpc.message.scheduled.pathKey() });
      },
    }),
  );
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Card>
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-3 border-b pb-4">
        <CardTitle>{t("schedule.listTitle")}</CardTitle>
        <div className="flex items-center gap-2">
          <Label htmlFor="scheduled-filter">{t("schedule.filter")}</Label>
          <Select value={status ?? ALL} onValueChange={(value) => setStatus(isStatus(value) ? value : null)}>
            <SelectTrigger id="scheduled-filter" className="w-44">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value={ALL}>{t("schedule.all")}</SelectItem>
              {STATUSES.map((s) => (
                <SelectItem key={s} value={s}>
                  {t(`schedule.status.${s}`)}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
      </CardHeader>
      {list.isPending ? (
        <div className="grid gap-4 p-5" aria-busy>
          {Array.from({ length: 3 }, (_, i) => (
            <div key={i} className="grid gap-1.5">
              <Skeleton className="h-4 w-56" />
              <Skeleton className="h-3 w-80 max-w-full" />
            </div>
          ))}
        </div>
      ) : list.isError ? (
        <div className="p-5">
          <ErrorState title={t("common.loadError")} message={errorMessage(list.error, t)} retryLabel={t("common.retry")} onRetry={() => void list.refetch()} />
        </div>
      ) : items.length === 0 ? (
        <div className="p-5">
          <EmptyState icon={CalendarClock} title={status ? t("schedule.emptyFiltered") : t("schedule.empty")} description={status ? undefined : t("schedule.emptyBody")} />
        </div>
      ) : (
        <>
          <ul className={list.isPlaceholderData ? "divide-y opacity-60 transition-opacity" : "divide-y"}>
            {items.map((item) => (
              <ScheduledRow key={item.id} item={item} onCancel={() => setCancelling(item)} />
            ))}
          </ul>
          <CardFooter className="justify-center">
            {list.hasNextPage ? (
              <Button variant="outline" size="sm" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                {t("schedule.loadMore")}
              </Button>
            ) : (
              <p className="text-sm text-muted-foreground">{t("schedule.end")}</p>
            )}
          </CardFooter>
        </>
      )}
      <ConfirmDialog
        open={cancelling !== null}
        onOpenChange={(open) => {
          if (!open) {
            setCancelling(null);
            cancel.reset();
          }
        }}
        title={t("schedule.cancelTitle")}
        description={
          cancelling ? t("schedule.cancelBody", { to: cancelling.target, time: formatInZone(cancelling.scheduleTime, cancelling.timezone, locale) }) : null
        }
        confirmLabel={t("schedule.cancelConfirm")}
        cancelLabel={t("schedule.keep")}
        closeLabel={t("common.close")}
        pending={cancel.isPending}
        error={cancel.error ? errorMessage(cancel.error, t) : null}
        onConfirm={() => cancelling && cancel.mutate({ id: cancelling.id })}
      />
    </Card>
  );
}

function ScheduledRow({ item, onCancel }: { item: ScheduledItem; onCancel: () => void }) {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const content = item.content ?? "";
  const excerpt = content.length > EXCERPT ? `${content.slice(0, EXCERPT)}…` : content;
  return (
    <li className="flex flex-col gap-3 px-5 py-4 sm:flex-row sm:items-start" data-testid="scheduled-row" data-id={item.id} data-status={item.status}>
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-2">
          <p className="font-medium">{item.target}</p>
          <ScheduledStatusBadge status={item.status} />
          {item.late ? (
            <Badge tone="warning" title={t("schedule.lateHint")} data-testid="scheduled-late">
              <TriangleAlert aria-hidden />
              {t("schedule.late")}
            </Badge>
          ) : null}
          {item.sentMessage ? (
            <span className="flex items-center gap-1.5 text-xs text-muted-foreground">
              <span className="sr-only">{t("schedule.sentStatus")}:</span>
              <MessageStatusBadge status={item.sentMessage.status} />
            </span>
          ) : null}
        </div>
        <p className="mt-1 text-xs text-muted-foreground">
          <time dateTime={new Date(item.scheduleTime).toISOString()} title={format.dateTime(item.scheduleTime)}>
            {formatInZone(item.scheduleTime, item.timezone, locale)}
          </time>
          {" · "}
          {t("schedule.fromDevice", { device: item.device.deviceName })}
        </p>
        {item.mediaType && isMediaType(item.mediaType) ? (
          <MediaTag
            type={item.mediaType}
            media={item.media}
            sentAs={item.mediaType}
            missing={{ label: t("schedule.fileDeleted"), hint: t("schedule.fileDeletedHint") }}
          />
        ) : null}
        {excerpt ? (
          <p className="mt-2 text-sm break-words whitespace-pre-wrap" title={content.length > EXCERPT ? content : undefined} data-testid="scheduled-text">
            {excerpt}
          </p>
        ) : null}
        {item.error ? (
          <p className="mt-1 text-sm text-destructive" data-testid="scheduled-error">
            {t(item.status === "pending" ? "schedule.blockedReason" : "schedule.failedReason", { reason: failureReason(item.error, t) })}
          </p>
        ) : null}
      </div>
      {item.status === "pending" ? (
        <Button variant="outline" size="sm" className="self-start" onClick={onCancel} aria-label={t("schedule.cancelFor", { to: item.target })}>
          <X aria-hidden />
          {t("schedule.cancel")}
        </Button>
      ) : null}
    </li>
  );
}
