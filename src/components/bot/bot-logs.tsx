"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { ScrollText } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { FilterSelect } from "@/components/admin/filter-select";
import { LoadMore } from "@/components/admin/load-more";
import { errorMessage } from "@/components/errors/error-message";
import { chatDisplayName } from "@/components/messages/display-name";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useFormat, useT } from "@/i18n/provider";
import { botReasonText } from "@/lib/bot/bot-reason";
import { useTRPC } from "@/trpc/react";
import { OUTCOMES, OutcomeBadge, useOutcomeLabel, type Outcome } from "./outcome";

/** Every decision the bot made on this device, newest first, filtered by outcome. */
export function BotLogs({ deviceId }: { deviceId: string }) {
  const t = useT();
  const format = useFormat();
  const trpc = useTRPC();
  const outcomeLabel = useOutcomeLabel();
  const [outcome, setOutcome] = useState<Outcome | undefined>(undefined);
  const logs = useInfiniteQuery(
    trpc.bot.logs.infiniteQueryOptions({ deviceId, outcome, limit: 50 }, { getNextPageParam: (last) => last.nextCursor ?? undefined, placeholderData: keepPreviousData }),
  );
  const rows = logs.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Card>
      <CardHeader className="flex flex-col gap-3 border-b pb-4 sm:flex-row sm:items-center sm:justify-between">
        <CardTitle>{t("bot.logs.title")}</CardTitle>
        <FilterSelect
          value={outcome}
          onChange={(v) => setOutcome(v as Outcome | undefined)}
          options={(Object.keys(OUTCOMES) as Outcome[]).map((o) => ({ value: o, label: outcomeLabel(o) }))}
          allLabel={t("bot.logs.allOutcomes")}
          label={t("bot.logs.outcomeFilter")}
        />
      </CardHeader>
      {logs.isPending ? (
        <div className="grid gap-3 p-5" aria-busy>
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} className="h-9" />
          ))}
        </div>
      ) : logs.isError ? (
        <div className="p-5">
          <ErrorState title={t("common.loadError")} message={errorMessage(logs.error, t)} retryLabel={t("common.retry")} onRetry={() => void logs.refetch()} />
        </div>
      ) : rows.length === 0 ? (
        <div className="p-5">
          <EmptyState icon={ScrollText} title={t("bot.logs.empty")} description={outcome ? t("bot.logs.emptyFiltered") : t("bot.logs.emptyBody")} className="border-none" />
        </div>
      ) : (
        <>
          <Table data-testid="bot-logs">
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>{t("bot.logs.when")}</TableHead>
                <TableHead>{t("bot.logs.contact")}</TableHead>
                <TableHead>{t("bot.logs.outcome")}</TableHead>
                <TableHead className="hidden md:table-cell">{t("bot.logs.reason")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.id} data-testid="bot-log-row" data-outcome={row.outcome}>
                  <TableCell className="text-xs whitespace-nowrap text-muted-foreground">{format.dateTime(row.createdAt)}</TableCell>
                  <TableCell className="max-w-[40vw] text-sm [overflow-wrap:anywhere]">
                    <Link className="hover:text-primary hover:underline" href={`/devices/${encodeURIComponent(deviceId)}/chat?chat=${encodeURIComponent(row.contactJid)}`}>
                      {chatDisplayName({ name: null, chatJid: row.contactJid }, t("chat.unnamed"))}
                    </Link>
                    <p className="text-xs text-muted-foreground md:hidden">{row.why ? botReasonText(t, row.why) : row.reason}</p>
                  </TableCell>
                  <TableCell>
                    <OutcomeBadge outcome={row.outcome} />
                    {row.ruleName ? <p className="mt-1 text-xs text-muted-foreground">{row.ruleName}</p> : null}
                  </TableCell>
                  <TableCell className="hidden text-sm text-muted-foreground md:table-cell" data-testid="bot-log-reason">
                    {row.why ? botReasonText(t, row.why) : row.reason}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <LoadMore hasMore={Boolean(logs.hasNextPage)} loading={logs.isFetchingNextPage} onLoad={() => void logs.fetchNextPage()} />
        </>
      )}
    </Card>
  );
}
