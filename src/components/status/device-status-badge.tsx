"use client";

import type { DeviceStatus } from "@/generated/prisma/enums";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { useT } from "@/i18n/provider";

export const deviceStatusTone: Record<DeviceStatus, BadgeTone> = {
  connected: "success",
  qr_required: "warning",
  connecting: "info",
  disconnected: "neutral",
  logged_out: "danger",
};

export function DeviceStatusBadge({ status, className }: { status: DeviceStatus; className?: string }) {
  const t = useT();
  return (
    <Badge tone={deviceStatusTone[status]} dot={status === "connecting" || status === "qr_required" ? "pulse" : true} className={className} data-testid="device-status" data-status={status}>
      {t(`deviceStatus.${status}`)}
    </Badge>
  );
}
