"use client";

import { Check, CheckCheck, CircleAlert, Clock } from "lucide-react";
import type { MessageStatus } from "@/generated/prisma/enums";
import { cn } from "@/components/ui/cn";
import { useT } from "@/i18n/provider";

const ICON = { pending: Clock, sent: Check, delivered: CheckCheck, read: CheckCheck, failed: CircleAlert } as const;
const TONE: Record<MessageStatus, string> = {
  pending: "text-muted-foreground",
  sent: "text-muted-foreground",
  delivered: "text-muted-foreground",
  read: "text-info",
  failed: "text-destructive",
};

/** WhatsApp-style ticks: clock, one tick, two grey ticks, two blue ticks — or a warning for failed. */
export function StatusTicks({ status, className }: { status: MessageStatus; className?: string }) {
  const t = useT();
  const Icon = ICON[status];
  return (
    <span className={cn("inline-flex items-center", TONE[status], className)} title={t(`messageStatus.${status}`)} data-testid="message-ticks" data-status={status}>
      <Icon className="size-3.5" aria-hidden />
      <span className="sr-only">{t(`messageStatus.${status}`)}</span>
    </span>
  );
}
