"use client";

import type { MessageStatus } from "@/generated/prisma/enums";
import { displayJid } from "@/components/messages/jid";
import { MessageStatusBadge } from "@/components/status/message-status-badge";
import { MessageStatusSteps } from "@/components/status/message-status-steps";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useT } from "@/i18n/provider";

/** The sent message and its live journey pending → sent → delivered → read. */
export function SendResult({ to, status, error, text }: { to: string; status: MessageStatus; error: string | null; text: string | null }) {
  const t = useT();
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
        {text ? <p className="rounded-lg bg-primary/8 px-3 py-2 text-sm break-words whitespace-pre-wrap">{text}</p> : null}
        <MessageStatusSteps status={status} />
        {status === "failed" && error ? <p className="text-sm text-destructive">{t("send.failedReason", { reason: error })}</p> : null}
      </CardContent>
    </Card>
  );
}
