"use client";

import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { usePlural, useT } from "@/i18n/provider";
import { ChatAvatar } from "./chat-avatar";
import { chatDisplayName } from "@/components/messages/display-name";
import { formatPhone } from "@/lib/phone";
import type { ChatSummaryItem } from "./chat-types";
import { StatusTicks } from "./status-ticks";
import { useChatFormat } from "./use-chat-format";

/** The server reads at most this many of a chat's latest messages to count unread ones (AWAITING_REPLY_CAP). */
const AWAITING_CAP = 20;

/** One row of the chat list: who, when, the last message and how many messages still wait for a reply. */
export function ChatListItem({ chat, selected, onSelect }: { chat: ChatSummaryItem; selected: boolean; onSelect: (chat: ChatSummaryItem) => void }) {
  const t = useT();
  const plural = usePlural();
  const format = useChatFormat();
  const title = chatDisplayName(chat, t("chat.unnamed"));
  const last = chat.lastMessage;
  const outgoing = last.direction === "outgoing";
  const preview = last.preview ?? t(`chat.types.${last.type}`);
  return (
    <li>
      <button
        type="button"
        onClick={() => onSelect(chat)}
        aria-current={selected ? "true" : undefined}
        data-testid="chat-item"
        data-chat-jid={chat.chatJid}
        className={cn(
          "flex w-full cursor-pointer items-center gap-3 px-4 py-3 text-left transition-colors hover:bg-muted/60 focus-visible:bg-muted/60 focus-visible:outline-none",
          selected && "bg-primary/5 hover:bg-primary/10",
        )}
      >
        <ChatAvatar jid={chat.chatJid} label={chat.name} isGroup={chat.isGroup} />
        <span className="min-w-0 flex-1">
          <span className="flex items-baseline justify-between gap-2">
            <span className="truncate font-medium">{title}</span>
            <time className={cn("shrink-0 text-xs", chat.unread > 0 ? "font-medium text-primary" : "text-muted-foreground")} dateTime={last.timestamp.toISOString()}>
              {format.listTime(last.timestamp)}
            </time>
          </span>
          {chat.name && chat.phone ? <span className="block truncate text-xs text-muted-foreground">{formatPhone(chat.phone)}</span> : null}
          <span className="mt-0.5 flex items-center gap-2">
            <span className="flex min-w-0 flex-1 items-center gap-1 text-sm text-muted-foreground">
              {outgoing ? <StatusTicks status={last.status} /> : null}
              <span className="truncate">
                {outgoing ? t("chat.youPrefix") : null}
                {preview}
              </span>
            </span>
            {chat.isGroup ? <Badge>{t("chat.group")}</Badge> : null}
            {chat.unread > 0 ? (
              <span
                className="flex h-5 min-w-5 shrink-0 items-center justify-center rounded-full bg-primary px-1.5 text-[11px] font-semibold text-primary-foreground"
                title={chat.unread > AWAITING_CAP ? t("chat.unreadMore", { count: AWAITING_CAP }) : plural("chat.unread", chat.unread)}
                data-testid="chat-unread"
              >
                {chat.unread > AWAITING_CAP ? `${AWAITING_CAP}+` : chat.unread}
              </span>
            ) : null}
          </span>
          {chat.incoming !== null && chat.outgoing !== null ? (
            <span className="mt-0.5 block text-xs text-muted-foreground">{t("chat.dayCounts", { incoming: chat.incoming, outgoing: chat.outgoing })}</span>
          ) : null}
        </span>
      </button>
    </li>
  );
}

export function ChatListSkeleton() {
  return (
    <div className="grid gap-1 p-2" aria-busy>
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className="flex items-center gap-3 px-2 py-2">
          <div className="size-10 animate-pulse rounded-full bg-muted" />
          <div className="grid flex-1 gap-1.5">
            <div className="h-3 w-32 animate-pulse rounded bg-muted" />
            <div className="h-3 w-48 animate-pulse rounded bg-muted" />
          </div>
        </div>
      ))}
    </div>
  );
}
