"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";

/**
 * How many of the device's conversations a person is handling now. Every badge reads the one `activeCounts` query
 * (one request for the whole device list), kept current by the `bot.handoff` event.
 */
export function useActiveHandoffCount(deviceId: string, enabled = true): number {
  const trpc = useTRPC();
  const counts = useQuery(
    trpc.bot.handoffs.activeCounts.queryOptions(undefined, {
      enabled,
      select: (rows) => rows.find((row) => row.deviceId === deviceId)?.active ?? 0,
    }),
  );
  return counts.data ?? 0;
}
