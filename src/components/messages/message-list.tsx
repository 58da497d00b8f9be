"use client";

import { ArrowDownLeft, ArrowUpRight } from "lucide-react";
import { isMediaType, mediaCaption } from "@/components/media/media-kind";
import { MediaTag } from "@/components/media/media-tag";
import { MessageStatusBadge } from "@/components/status/message-status-badge";
import { Badge } from "@/components/ui/badge";
import { Skeleton } from "@/components/ui/skeleton";
import { useFormat, useT } from "@/i18n/provider";
import type { RouterOutputs } from "@/trpc/react";
import { chatDisplayName } from "./display-name";
import { messageOriginLabel } from "./message-origin";

export type MessageItem = RouterOutputs["message"]["list"]["items"][number];

/** Compact message rows: direction, counterpart, text (and a file's kind with a download link), time and (for outgoing) the live delivery status. */
export function MessageList({ messages }: { messages: MessageItem[] }) {
  const t = useT();
  const format = useFormat();
  return (
    <ul className="divide-y">
      {messages.map((m) => {
        const outgoing = m.direction === "outgoing";
        const Icon = outgoing ? ArrowUpRight : ArrowDownLeft;
        const hasMedia = isMediaType(m.type);
        const text = hasMedia ? mediaCaption(m) : m.content;
        return (
          <li key={m.id} className="flex items-start gap-3 px-5 py-3" data-testid="message-row" data-message-id={m.id}>
            <span
              className={outgoing ? "mt-0.5 rounded-full bg-primary/10 p-1.5 text-primary" : "mt-0.5 rounded-full bg-info/10 p-1.5 text-info"}
              title={t(`direction.${m.direction}`)}
            >
              <Icon className="size-3.5" aria-hidden />
              <span className="sr-only">{t(`direction.${m.direction}`)}</span>
            </span>
            <div className="min-w-0 flex-1">
              <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                <span className="text-sm font-medium" data-testid="message-chat-name">
                  {chatDisplayName({ name: m.chatName, chatJid: m.chatJid }, t("chat.unnamed"))}
                </span>
                <time className="text-xs text-muted-foreground" dateTime={new Date(m.timestamp).toISOString()}>
                  {format.dateTime(m.timestamp)}
                </time>
              </div>
              {text ? <p className="mt-0.5 line-clamp-2 text-sm break-words whitespace-pre-wrap">{text}</p> : null}
              {hasMedia ? <MediaTag type={m.type} media={m.media} /> : text ? null : <p className="mt-0.5 text-sm text-muted-foreground italic">{t(`chat.types.${m.type}`)}</p>}
              {messageOriginLabel(m, t) ? (
                <p className="mt-0.5 text-xs text-muted-foreground" data-testid="message-origin">
                  {messageOriginLabel(m, t)}
                </p>
              ) : null}
              {m.error ? <p className="mt-0.5 text-xs text-destructive">{m.error}</p> : null}
            </div>
            {outgoing ? <MessageStatusBadge status={m.status} /> : <Badge tone="info">{t("direction.incoming")}</Badge>}
          </li>
        );
      })}
    </ul>
  );
}

export function MessageListSkeleton({ rows = 3 }: { rows?: number }) {
  return (
    <div className="grid gap-4 px-5 py-4" aria-busy>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="flex gap-3">
          <Skeleton className="size-7 rounded-full" />
          <div className="grid flex-1 gap-1.5">
            <Skeleton className="h-3 w-32" />
            <Skeleton className="h-4 w-3/4" />
          </div>
        </div>
      ))}
    </div>
  );
}
