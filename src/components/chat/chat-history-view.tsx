"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { SearchX, SlidersHorizontal } from "lucide-react";
import { useState } from "react";
import { errorMessage } from "@/components/errors/error-message";
import { Button } from "@/components/ui/button";
import { Card, CardFooter } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { usePlural, useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { HistoryFiltersForm, type HistoryFilters } from "./history-filters";
import { HistoryResults } from "./history-results";
import { browserTimeZone } from "./use-chat-format";

const PAGE_SIZE = 25;

/** /chat-history: messages across the caller's devices, filtered, newest first, a page at a time. */
export function ChatHistoryView() {
  const t = useT();
  const plural = usePlural();
  const trpc = useTRPC();
  const [filters, setFilters] = useState<HistoryFilters>({});
  const [filtersOpen, setFiltersOpen] = useState(false);
  const activeFilters = Object.values(filters).filter((value) => value !== undefined).length;
  const [timezone] = useState(browserTimeZone);
  const results = useInfiniteQuery(
    trpc.chat.search.infiniteQueryOptions(
      { ...filters, timezone, limit: PAGE_SIZE },
      { getNextPageParam: (last) => last.nextCursor ?? undefined, placeholderData: keepPreviousData },
    ),
  );
  const items = results.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card>
      <div className="border-b">
        {/* Phones: the filters fold away behind one button, so the first screen shows messages, not a form. */}
        <div className="flex items-center justify-between gap-2 px-5 py-3 sm:hidden">
          <Button variant="outline" size="sm" aria-expanded={filtersOpen} aria-controls="history-filters" onClick={() => setFiltersOpen((open) => !open)}>
            <SlidersHorizontal aria-hidden />
            {activeFilters > 0 ? t("narrowLayout.filtersActive", { count: activeFilters }) : t("narrowLayout.filters")}
          </Button>
        </div>
        <div id="history-filters" className={filtersOpen ? "block" : "hidden sm:block"}>
          <HistoryFiltersForm
            initial={filters}
            onApply={(next) => {
              setFilters(next);
              setFiltersOpen(false);
            }}
          />
        </div>
      </div>
      {results.isPending ? (
        <div className="grid gap-3 p-5" aria-busy>
          {Array.from({ length: 5 }, (_, i) => (
            <Skeleton key={i} className="h-9" />
          ))}
        </div>
      ) : results.isError ? (
        <div className="p-5">
          <ErrorState title={t("common.loadError")} message={errorMessage(results.error, t)} retryLabel={t("common.retry")} onRetry={() => void results.refetch()} />
        </div>
      ) : items.length === 0 ? (
        <div className="p-5">
          <EmptyState icon={SearchX} title={t("chatHistory.empty")} description={t("chatHistory.emptyBody")} />
        </div>
      ) : (
        <>
          <div className={results.isPlaceholderData ? "opacity-60 transition-opacity" : undefined} aria-busy={results.isPlaceholderData || undefined}>
            <HistoryResults items={items} />
          </div>
          <CardFooter className="justify-between">
            <p className="text-sm text-muted-foreground" data-testid="history-count">
              {plural("chatHistory.shown", items.length)}
            </p>
            {results.hasNextPage ? (
              <Button variant="outline" size="sm" loading={results.isFetchingNextPage} onClick={() => void results.fetchNextPage()}>
                {t("chatHistory.loadMore")}
              </Button>
            ) : (
              <p className="text-sm text-muted-foreground">{t("chatHistory.end")}</p>
            )}
          </CardFooter>
        </>
      )}
    </Card>
  );
}
