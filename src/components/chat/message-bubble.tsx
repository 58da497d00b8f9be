"use client";

import { cn } from "@/components/ui/cn";
import { useT } from "@/i18n/provider";
import type { ChatMessageItem } from "./chat-types";
import { StatusTicks } from "./status-ticks";
import { useChatFormat } from "./use-chat-format";

/** Incoming on the left, outgoing on the right with its ticks; media shows its kind until media previews exist. */
export function MessageBubble({ message, showSender }: { message: ChatMessageItem; showSender: boolean }) {
  const t = useT();
  const format = useChatFormat();
  const outgoing = message.direction === "outgoing";
  return (
    <div className={cn("flex px-3 sm:px-6", outgoing ? "justify-end" : "justify-start")}>
      <div
        data-testid="chat-bubble"
        data-direction={message.direction}
        data-status={message.status}
        data-message-id={message.id}
        className={cn(
          "relative max-w-[85%] rounded-2xl px-3 py-1.5 text-sm shadow-xs sm:max-w-[70%]",
          outgoing ? "rounded-br-md bg-primary/15 text-foreground" : "rounded-bl-md border bg-card",
          message.status === "failed" && "border border-destructive/40",
        )}
      >
        {showSender && !outgoing ? <p className="font-mono text-xs font-medium text-primary">{message.fromJid.split("@")[0]}</p> : null}
        {message.content ? (
          <p className="break-words whitespace-pre-wrap">{message.content}</p>
        ) : (
          <p className="text-muted-foreground italic">{t(`chat.types.${message.type}`)}</p>
        )}
        {message.type !== "text" && message.content ? <p className="text-xs text-muted-foreground italic">{t(`chat.types.${message.type}`)}</p> : null}
        <p className="mt-0.5 flex items-center justify-end gap-1 text-[11px] text-muted-foreground">
          <time dateTime={message.timestamp.toISOString()}>{format.time(message.timestamp)}</time>
          {outgoing ? <StatusTicks status={message.status} /> : null}
        </p>
        {message.status === "failed" && message.error ? (
          <p className="text-xs text-destructive">{t("chat.failedReason", { reason: message.error })}</p>
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
