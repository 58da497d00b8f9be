"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";

/** How many of the device's conversations a person is handling now; kept current by the `bot.handoff` event. */
export function useActiveHandoffCount(deviceId: string, enabled = true): number {
  const trpc = useTRPC();
  const active = useQuery(trpc.bot.handoffs.list.queryOptions({ deviceId, status: "active" }, { enabled }));
  return active.data?.length ?? 0;
}
