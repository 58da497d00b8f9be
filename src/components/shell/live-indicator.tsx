"use client";

import { useLiveStatus } from "@/components/live/live-events-provider";
import { cn } from "@/components/ui/cn";
import { useT } from "@/i18n/provider";

/** Shows whether live updates are flowing. */
export function LiveIndicator() {
  const t = useT();
  const status = useLiveStatus();
  const live = status === "live";
  return (
    <span
      className="hidden items-center gap-1.5 text-xs text-muted-foreground sm:inline-flex"
      role="status"
      data-testid="live-indicator"
      data-status={status}
    >
      <span className={cn("size-2 rounded-full", live ? "bg-success" : "animate-pulse bg-warning")} aria-hidden />
      {live ? t("shell.live") : status === "connecting" ? t("shell.connecting") : t("shell.reconnecting")}
    </span>
  );
}
