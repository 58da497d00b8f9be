"use client";

import { LoaderCircle, MessageCircle } from "lucide-react";
import { Fragment, useEffect, useRef } from "react";
import { errorMessage } from "@/components/errors/error-message";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useT } from "@/i18n/provider";
import { DaySeparator, MessageBubble } from "./message-bubble";
import { useChatFormat } from "./use-chat-format";
import { useChatHistory } from "./use-chat-history";

/**
 * The message scroller. It is `flex-col-reverse` with the newest message first in the DOM: the view starts at the
 * bottom, stays there as messages arrive, and older pages added at the (visual) top do not move what is on screen.
 * A sentinel at the top loads the next older page when it scrolls into view.
 */
export function ConversationMessages({ deviceId, chatJid }: { deviceId: string; chatJid: string }) {
  const t = useT();
  const format = useChatFormat();
  const history = useChatHistory(deviceId, chatJid);
  const scroller = useRef<HTMLDivElement>(null);
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = history;

  useEffect(() => {
    const root = scroller.current;
    const target = sentinel.current;
    if (!root || !target || !hasNextPage) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
      },
      { root, rootMargin: "240px 0px 0px 0px" },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, history.data]);

  if (history.isPending) {
    return (
      <div className="flex flex-1 flex-col justify-end gap-3 p-6" aria-busy>
        <Skeleton className="h-10 w-2/5 rounded-2xl" />
        <Skeleton className="ml-auto h-10 w-1/3 rounded-2xl" />
        <Skeleton className="h-14 w-1/2 rounded-2xl" />
      </div>
    );
  }
  if (history.isError) {
    return (
      <div className="flex flex-1 items-center p-6">
        <ErrorState className="w-full" title={t("common.loadError")} message={errorMessage(history.error, t)} retryLabel={t("common.retry")} onRetry={() => void history.refetch()} />
      </div>
    );
  }
  const messages = history.data.pages.flatMap((p) => p.items);
  if (messages.length === 0) {
    return (
      <div className="flex flex-1 flex-col items-center justify-center gap-2 p-6 text-center text-sm text-muted-foreground" data-testid="chat-empty">
        <MessageCircle className="size-6" aria-hidden />
        {t("chat.noMessages")}
      </div>
    );
  }
  const isGroup = chatJid.endsWith("@g.us");
  return (
    <div ref={scroller} className="flex min-h-0 flex-1 flex-col-reverse overflow-y-auto py-3" data-testid="chat-messages" aria-live="polite">
      <div className="grid gap-1.5">
        {[...messages].reverse().map((message, index, ordered) => {
          const previous = ordered[index - 1];
          const newDay = !previous || format.dayKey(previous.timestamp) !== format.dayKey(message.timestamp);
          return (
            <Fragment key={message.id}>
              {newDay && (previous || !hasNextPage) ? <DaySeparator label={format.dayLabel(message.timestamp)} /> : null}
              <MessageBubble message={message} showSender={isGroup} />
            </Fragment>
          );
        })}
      </div>
      <div ref={sentinel} className="flex min-h-8 items-center justify-center py-2 text-xs text-muted-foreground">
        {hasNextPage ? (
          <span className="flex items-center gap-2">
            <LoaderCircle className="size-3.5 animate-spin" aria-hidden />
            {t("chat.loadingOlder")}
          </span>
        ) : (
          t("chat.beginning")
        )}
      </div>
    </div>
  );
}
