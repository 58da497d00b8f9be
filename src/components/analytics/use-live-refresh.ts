"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import { useLiveEvent } from "@/components/live/live-events-provider";
import { InvalidationBatcher } from "@/hooks/invalidation-batcher";
import type { AppEventName } from "@/server/events/types";

/**
 * Refetches `keys` after live events, at most once per second: statistics move with every message and receipt, and a
 * busy instance must not turn each one into a request.
 */
export function useLiveRefresh(keys: unknown[][], events: AppEventName[] = ["message.received", "message.status", "device.status", "job.finished"]): void {
  const queryClient = useQueryClient();
  const batcher = useMemo(() => new InvalidationBatcher(queryClient, 1_000), [queryClient]);
  useEffect(() => () => batcher.dispose(), [batcher]);
  const refresh = () => batcher.add(keys);
  useLiveEvent(events[0] ?? "message.received", refresh);
  useLiveEvent(events[1] ?? "message.status", refresh);
  useLiveEvent(events[2] ?? "device.status", refresh);
  useLiveEvent(events[3] ?? "job.finished", refresh);
}
