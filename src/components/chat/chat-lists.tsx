"use client";

import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { CalendarX2, MessagesSquare } from "lucide-react";
import { useState } from "react";
import { errorMessage } from "@/components/errors/error-message";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useT, usePlural } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { ChatListItem, ChatListSkeleton } from "./chat-list-item";
import type { ChatSummaryItem } from "./chat-types";
import { browserTimeZone, localToday } from "./use-chat-format";

interface ListProps {
  deviceId: string;
  selectedJid: string | null;
  onSelect: (chat: ChatSummaryItem) => void;
}

function ListError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useT();
  return (
    <div className="p-4">
      <ErrorState title={t("common.loadError")} message={errorMessage(error, t)} retryLabel={t("common.retry")} onRetry={onRetry} />
    </div>
  );
}

/** Chats by latest activity; refreshed live when a message arrives or changes status (the live hook invalidates chat.*). */
export function RecentChats({ deviceId, selectedJid, onSelect }: ListProps) {
  const t = useT();
  const trpc = useTRPC();
  const chats = useInfiniteQuery(trpc.chat.list.infiniteQueryOptions({ deviceId, limit: 30 }, { getNextPageParam: (last) => last.nextCursor ?? undefined }));
  if (chats.isPending) return <ChatListSkeleton />;
  if (chats.isError) return <ListError error={chats.error} onRetry={() => void chats.refetch()} />;
  const items = chats.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <EmptyState icon={MessagesSquare} title={t("chat.empty")} description={t("chat.emptyBody")} className="m-4" />;
  return (
    <>
      <ul className="divide-y" aria-label={t("chat.listLabel")}>
        {items.map((chat) => (
          <ChatListItem key={chat.chatJid} chat={chat} selected={chat.chatJid === selectedJid} onSelect={onSelect} />
        ))}
      </ul>
      {chats.hasNextPage ? (
        <div className="p-3 text-center">
          <Button variant="ghost" size="sm" loading={chats.isFetchingNextPage} onClick={() => void chats.fetchNextPage()}>
            {t("chat.loadMoreChats")}
          </Button>
        </div>
      ) : null}
    </>
  );
}

/** The seed's daily chat list: chats with activity on one local day, with that day's in/out counts. */
export function DailyChats({ deviceId, selectedJid, onSelect }: ListProps) {
  const t = useT();
  const plural = usePlural();
  const trpc = useTRPC();
  const [date, setDate] = useState(localToday);
  const [timezone] = useState(browserTimeZone);
  const day = useQuery(trpc.chat.dailyChatList.queryOptions({ deviceId, date: date || undefined, timezone }, { placeholderData: keepPreviousData }));
  return (
    <>
      <div className="flex items-center gap-2 border-b px-4 py-2.5">
        <Label htmlFor="chat-day" className="text-muted-foreground">
          {t("chat.day")}
        </Label>
        <Input id="chat-day" type="date" className="h-8 flex-1" value={date} max={localToday()} onChange={(e) => setDate(e.target.value)} />
      </div>
      {day.isPending ? (
        <ChatListSkeleton />
      ) : day.isError ? (
        <ListError error={day.error} onRetry={() => void day.refetch()} />
      ) : day.data.items.length === 0 ? (
        <EmptyState icon={CalendarX2} title={t("chat.dayEmpty")} description={t("chat.dayEmptyBody")} className="m-4" />
      ) : (
        <>
          <p className="px-4 pt-2 text-xs text-muted-foreground" data-testid="chat-day-total">
            {day.data.totalChats > day.data.items.length
              ? t("chat.dayTruncated", { shown: day.data.items.length, total: day.data.totalChats })
              : plural("chat.dayTotal", day.data.totalChats)}
          </p>
          <ul className="divide-y" aria-label={t("chat.listLabel")}>
            {day.data.items.map((chat) => (
              <ChatListItem key={chat.chatJid} chat={chat} selected={chat.chatJid === selectedJid} onSelect={onSelect} />
            ))}
          </ul>
        </>
      )}
    </>
  );
}
