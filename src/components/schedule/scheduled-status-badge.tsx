"use client";

import { Ban, CircleAlert, Clock, Send } from "lucide-react";
import type { ScheduledStatus } from "@/generated/prisma/enums";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { useT } from "@/i18n/provider";

const tone: Record<ScheduledStatus, BadgeTone> = { pending: "warning", sent: "success", failed: "danger", cancelled: "neutral" };
const icon = { pending: Clock, sent: Send, failed: CircleAlert, cancelled: Ban } as const;

export function ScheduledStatusBadge({ status }: { status: ScheduledStatus }) {
  const t = useT();
  const Icon = icon[status];
  return (
    <Badge tone={tone[status]} data-testid="scheduled-status" data-status={status}>
      <Icon aria-hidden />
      {t(`schedule.status.${status}`)}
    </Badge>
  );
}
