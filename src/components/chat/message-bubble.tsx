"use client";

import { isMediaType, mediaCaption } from "@/components/media/media-kind";
import { MessageMedia } from "@/components/media/message-media";
import { cn } from "@/components/ui/cn";
import { messageOriginLabel } from "@/components/messages/message-origin";
import { useT } from "@/i18n/provider";
import type { ChatMessageItem } from "./chat-types";
import { StatusTicks } from "./status-ticks";
import { useChatFormat } from "./use-chat-format";
import { failureReason } from "@/components/messages/failure-reason";

/**
 * Incoming on the left, outgoing on the right with its ticks. Media messages show the file (photo, player or document
 * row) with the caption below; other kinds without a preview (location, contact card) show their kind.
 */
export function MessageBubble({ message, showSender }: { message: ChatMessageItem; showSender: boolean }) {
  const t = useT();
  const format = useChatFormat();
  const outgoing = message.direction === "outgoing";
  const hasMedia = isMediaType(message.type);
  const text = hasMedia ? mediaCaption(message) : message.content;
  const origin = messageOriginLabel(message, t);
  return (
    <div className={cn("flex px-3 sm:px-6", outgoing ? "justify-end" : "justify-start")}>
      <div
        data-testid="chat-bubble"
        data-direction={message.direction}
        data-status={message.status}
        data-message-id={message.id}
        data-type={message.type}
        className={cn(
          "relative max-w-[85%] rounded-2xl px-3 py-1.5 text-sm shadow-xs sm:max-w-[70%]",
          outgoing ? "rounded-br-md bg-primary/15 text-foreground" : "rounded-bl-md border bg-card",
          message.status === "failed" && "border border-destructive/40",
        )}
      >
        {showSender && !outgoing ? <p className="font-mono text-xs font-medium text-primary">{message.fromJid.split("@")[0]}</p> : null}
        {isMediaType(message.type) ? <MessageMedia kind={message.type} media={message.media} caption={text} className="my-1" /> : null}
        {text ? (
          <p className="break-words whitespace-pre-wrap" data-testid={hasMedia ? "media-caption" : undefined}>
            {text}
          </p>
        ) : hasMedia ? null : (
          <p className="text-muted-foreground italic">{t(`chat.types.${message.type}`)}</p>
        )}
        {!hasMedia && message.type !== "text" && message.content ? <p className="text-xs text-muted-foreground italic">{t(`chat.types.${message.type}`)}</p> : null}
        <p className="mt-0.5 flex items-center justify-end gap-1 text-[11px] text-muted-foreground">
          {origin ? (
            <span className="mr-1 truncate italic" data-testid="message-origin">
              {origin} ·
            </span>
          ) : null}
          <time dateTime={message.timestamp.toISOString()}>{format.time(message.timestamp)}</time>
          {outgoing ? <StatusTicks status={message.status} /> : null}
        </p>
        {message.status === "failed" && message.error ? (
          <p className="text-xs text-destructive">{t("chat.failedReason", { reason: failureReason(message.error, t) })}</p>
        ) : message.status === "pending" && message.error ? (
          <p className="text-xs text-destructive" data-testid="message-blocked">
            {t("chat.blockedReason", { reason: failureReason(message.error, t) })}
          </p>
        ) : null}
      </div>
    </div>
  );
}

export function DaySeparator({ label }: { label: string }) {
  return (
    <div className="flex justify-center py-2" role="separator" aria-label={label}>
      <span className="rounded-full bg-muted px-3 py-0.5 text-xs font-medium text-muted-foreground">{label}</span>
    </div>
  );
}
