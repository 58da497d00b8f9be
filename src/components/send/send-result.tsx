"use client";

import type { MessageStatus, MessageType } from "@/generated/prisma/enums";
import { isMediaType, mediaCaption, type MediaSummary } from "@/components/media/media-kind";
import { MessageMedia } from "@/components/media/message-media";
import { displayJid } from "@/components/messages/jid";
import { MessageStatusBadge } from "@/components/status/message-status-badge";
import { MessageStatusSteps } from "@/components/status/message-status-steps";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useT } from "@/i18n/provider";
import { failureReason } from "@/components/messages/failure-reason";

/** The sent message (its file too, for media) and its live journey pending → sent → delivered → read. */
export function SendResult({
  to,
  status,
  error,
  text,
  type = "text",
  media = null,
}: {
  to: string;
  status: MessageStatus;
  error: string | null;
  text: string | null;
  type?: MessageType;
  media?: MediaSummary | null;
}) {
  const t = useT();
  const shown = isMediaType(type) ? mediaCaption({ type, content: text, media }) : text;
  return (
    <Card data-testid="send-result" aria-live="polite">
      <CardHeader>
        <div className="flex items-center justify-between gap-3">
          <CardTitle>{t("send.sentTitle")}</CardTitle>
          <MessageStatusBadge status={status} />
        </div>
        <CardDescription>{t("send.sentTo", { to: displayJid(to) })}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {isMediaType(type) || shown ? (
          <div className="grid gap-2 rounded-lg bg-primary/8 px-3 py-2">
            {isMediaType(type) ? <MessageMedia kind={type} media={media} caption={shown} /> : null}
            {shown ? <p className="text-sm break-words whitespace-pre-wrap">{shown}</p> : null}
          </div>
        ) : null}
        <MessageStatusSteps status={status} />
        {status === "failed" && error ? <p className="text-sm text-destructive">{t("send.failedReason", { reason: failureReason(error, t) })}</p> : null}
      </CardContent>
    </Card>
  );
}
