"use client";

import { Hand } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { usePlural } from "@/i18n/provider";
import { useActiveHandoffCount } from "./use-active-handoffs";

/** "2 with a person" next to a device, or nothing when the bot handles every chat. */
export function HandoffCountBadge({ deviceId }: { deviceId: string }) {
  const plural = usePlural();
  const count = useActiveHandoffCount(deviceId);
  if (count === 0) return null;
  return (
    <Badge tone="warning" data-testid="handoff-count" data-count={count}>
      <Hand aria-hidden />
      {plural("bot.handoffs.countBadge", count)}
    </Badge>
  );
}
