"use client";

import { useQuery } from "@tanstack/react-query";
import { MessageSquare } from "lucide-react";
import { mediaCaption, mediaUrl } from "@/components/media/media-kind";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/components/ui/cn";
import { useLiveEvent } from "@/components/live/live-events-provider";
import { useLocale, useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";

/** The group's latest messages (oldest at the top), each incoming one with its sender; refreshed by live events. */
export function GroupHistory({ deviceId, groupJid }: { deviceId: string; groupJid: string }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const history = useQuery(trpc.chat.groupHistory.queryOptions({ deviceId, groupJid, limit: 50 }));
  const refetch = () => void history.refetch();
  useLiveEvent("message.received", (e) => e.data.deviceId === deviceId && e.data.chatJid === groupJid && refetch());
  useLiveEvent("message.status", (e) => e.data.deviceId === deviceId && refetch());

  if (history.isPending) return <Skeleton className="h-48" />;
  if (history.isError) return <ErrorState title={t("common.errorTitle")} message={t("common.loadError")} retryLabel={t("common.retry")} onRetry={refetch} />;
  const items = [...history.data.items].reverse();
  if (items.length === 0) return <EmptyState icon={MessageSquare} title={t("adminGroups.noMessages")} />;
  const time = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short" });
  return (
    <ol className="grid max-h-[28rem] gap-2 overflow-y-auto p-1" data-testid="group-history" aria-label={t("adminGroups.history")}>
      {items.map((m) => {
        const mine = m.direction === "outgoing";
        const text = m.media ? mediaCaption(m) : m.content;
        return (
          <li key={m.id} className={cn("max-w-[85%] rounded-lg px-3 py-2 text-sm", mine ? "ml-auto bg-primary/10" : "bg-muted")} data-testid="group-message">
            {!mine ? <p className="text-xs font-semibold text-primary">{m.senderName ?? m.fromJid.split("@")[0]}</p> : null}
            {m.media && m.type === "image" ? (
              <img src={mediaUrl(m.media.id)} alt="" className="my-1 max-h-48 rounded-md" />
            ) : null}
            {text ? <p className="break-words whitespace-pre-wrap">{text}</p> : null}
            <p className="mt-1 text-right text-[11px] text-muted-foreground">
              {time.format(m.timestamp)}
              {mine ? ` · ${t(`messageStatus.${m.status}`)}` : ""}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
