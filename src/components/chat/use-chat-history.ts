"use client";

import { useInfiniteQuery, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { useLiveEvent } from "@/components/live/live-events-provider";
import { laterStatus } from "@/components/send/status-order";
import { useTRPC, type RouterOutputs } from "@/trpc/react";

type HistoryPage = RouterOutputs["chat"]["history"];

export const HISTORY_PAGE_SIZE = 30;

/**
 * One conversation as an infinite query (newest page first). New messages arrive by the live hook's invalidation of
 * chat.*; receipts are patched in here at once, because the shared patcher does not walk infinite-query pages.
 */
export function useChatHistory(deviceId: string, chatJid: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = { deviceId, chatJid, limit: HISTORY_PAGE_SIZE };
  const history = useInfiniteQuery(trpc.chat.history.infiniteQueryOptions(input, { getNextPageParam: (last) => last.nextCursor ?? undefined }));

  useLiveEvent("message.status", (event) => {
    if (event.data.deviceId !== deviceId) return;
    const { messageId, status, error } = event.data;
    queryClient.setQueriesData<InfiniteData<HistoryPage>>({ queryKey: trpc.chat.history.infiniteQueryKey(input) }, (old) => {
      if (!old) return old;
      let changed = false;
      const pages = old.pages.map((page) => {
        if (!page.items.some((m) => m.id === messageId)) return page;
        changed = true;
        return { ...page, items: page.items.map((m) => (m.id === messageId ? { ...m, status: laterStatus(m.status, status), error: error ?? m.error } : m)) };
      });
      return changed ? { ...old, pages } : old;
    });
  });

  return history;
}
