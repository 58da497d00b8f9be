"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Download } from "lucide-react";
import { useState } from "react";
import { errorMessage } from "@/components/errors/error-message";
import { MessageStatusBadge } from "@/components/status/message-status-badge";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { JobItemStatus } from "@/generated/prisma/enums";
import { useFormat, useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { ALL, StatusFilter } from "./status-filter";

const STATUSES = Object.values(JobItemStatus).filter((s) => s !== "processing");
const PAGE_SIZE = 50;

/** Every recipient of the job with status, error and times: filter by state or text, page by page, export as CSV. */
export function JobItemsTable({ jobId }: { jobId: number }) {
  const t = useT();
  const format = useFormat();
  const trpc = useTRPC();
  const [status, setStatus] = useState<string>(ALL);
  const [search, setSearch] = useState("");
  const [page, setPage] = useState(1);
  const filter = (STATUSES as string[]).includes(status) ? (status as JobItemStatus) : undefined;
  const items = useQuery(
    trpc.job.items.queryOptions({ id: jobId, status: filter, search: search.trim() || undefined, page, pageSize: PAGE_SIZE }, { placeholderData: keepPreviousData }),
  );
  const pages = Math.max(1, Math.ceil((items.data?.total ?? 0) / PAGE_SIZE));
  const exportHref = `/api/export/jobs/${jobId}${filter ? `?status=${filter}` : ""}`;
  return (
    <Card>
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-3 border-b pb-4">
        <CardTitle>{t("blast.recipients")}</CardTitle>
        <div className="flex flex-wrap items-center gap-2">
          <Input className="w-full sm:w-56" placeholder={t("jobs.search")} aria-label={t("jobs.search")} value={search} onChange={(e) => (setSearch(e.target.value), setPage(1))} />
          <StatusFilter
            id="job-items-status"
            label={t("jobs.filterStatus")}
            srOnlyLabel
            value={status}
            options={STATUSES.map((s) => ({ value: s, label: t(`jobs.itemStatusValue.${s}`) }))}
            onChange={(v) => (setStatus(v), setPage(1))}
            triggerClassName="w-40"
          />
          <Button asChild variant="outline" size="sm">
            <a href={exportHref} download>
              <Download aria-hidden />
              {t("jobs.export")}
            </a>
          </Button>
        </div>
      </CardHeader>
      <CardContent className="p-0">
        {items.isPending ? (
          <div className="grid gap-2 p-4">
            <Skeleton className="h-8" />
            <Skeleton className="h-8" />
          </div>
        ) : items.isError ? (
          <div className="p-4">
            <ErrorState title={t("common.loadError")} message={errorMessage(items.error, t)} retryLabel={t("common.retry")} onRetry={() => void items.refetch()} />
          </div>
        ) : items.data.items.length === 0 ? (
          <p className="p-6 text-center text-sm text-muted-foreground">{t("jobs.noItems")}</p>
        ) : (
          <div className="overflow-x-auto">
            <Table data-testid="job-items">
              <TableHeader>
                <TableRow>
                  <TableHead>{t("jobs.recipient")}</TableHead>
                  <TableHead>{t("jobs.itemStatus")}</TableHead>
                  <TableHead className="hidden sm:table-cell">{t("jobs.sentAt")}</TableHead>
                  <TableHead>{t("jobs.error")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {items.data.items.map((item) => (
                  <TableRow key={item.id} data-testid="job-item">
                    <TableCell>
                      {item.recipient.endsWith("@g.us") ? (
                        <div className="text-sm font-medium">{item.name ?? t("jobs.group")}</div>
                      ) : (
                        <>
                          <div className="font-mono text-xs">{item.recipient}</div>
                          {item.name ? <div className="text-xs text-muted-foreground">{item.name}</div> : null}
                        </>
                      )}
                    </TableCell>
                    <TableCell>
                      <div className="flex flex-wrap gap-1">
                        <Badge tone={item.status === "failed" ? "danger" : item.status === "sent" ? "success" : item.status === "skipped" ? "warning" : "neutral"}>
                          {t(`jobs.itemStatusValue.${item.status}`)}
                        </Badge>
                        {item.message && item.status === "sent" ? <MessageStatusBadge status={item.message.status} /> : null}
                      </div>
                    </TableCell>
                    <TableCell className="hidden whitespace-nowrap text-xs sm:table-cell">{item.sentAt ? format.dateTime(item.sentAt) : t("common.none")}</TableCell>
                    <TableCell className="max-w-64 text-xs text-muted-foreground">{item.error ?? item.message?.error ?? ""}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
        <div className="flex items-center justify-between gap-2 border-t p-3 text-xs text-muted-foreground">
          <span>{t("jobs.page", { page, pages })}</span>
          <div className="flex gap-2">
            <Button size="sm" variant="outline" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
              {t("jobs.previous")}
            </Button>
            <Button size="sm" variant="outline" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>
              {t("jobs.next")}
            </Button>
          </div>
        </div>
      </CardContent>
    </Card>
  );
}
