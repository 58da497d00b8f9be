"use client";

import { Check, CheckCheck, CircleAlert, Clock } from "lucide-react";
import type { MessageStatus } from "@/generated/prisma/enums";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { useT } from "@/i18n/provider";

const tone: Record<MessageStatus, BadgeTone> = {
  pending: "neutral",
  sent: "info",
  delivered: "primary",
  read: "success",
  failed: "danger",
};

const icon = { pending: Clock, sent: Check, delivered: CheckCheck, read: CheckCheck, failed: CircleAlert } as const;

export function MessageStatusBadge({ status, className }: { status: MessageStatus; className?: string }) {
  const t = useT();
  const Icon = icon[status];
  return (
    <Badge tone={tone[status]} className={className} data-testid="message-status" data-status={status}>
      <Icon aria-hidden />
      {t(`messageStatus.${status}`)}
    </Badge>
  );
}
