"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { ScrollText } from "lucide-react";
import { useDeferredValue, useState } from "react";
import { DateRangeFields } from "@/components/admin/date-range-fields";
import { ExportButton, exportQuery } from "@/components/admin/export-button";
import { FilterSelect } from "@/components/admin/filter-select";
import { ListStates } from "@/components/admin/list-states";
import { LoadMore } from "@/components/admin/load-more";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useFormat, useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";

export function AuditLogsView() {
  const t = useT();
  const format = useFormat();
  const trpc = useTRPC();
  const [actorId, setActorId] = useState<string>();
  const [action, setAction] = useState<string>();
  const [targetType, setTargetType] = useState<string>();
  const [range, setRange] = useState<{ from?: string; to?: string }>({});
  const [text, setText] = useState("");
  const deferredText = useDeferredValue(text.trim());
  const choices = useQuery(trpc.admin.auditFilters.queryOptions());
  const invalidRange = Boolean(range.from && range.to && range.from > range.to);
  const filters = { actorId: actorId ? Number(actorId) : undefined, action, targetType, from: range.from, to: range.to, text: deferredText || undefined };
  const logs = useInfiniteQuery(
    trpc.admin.auditLogs.infiniteQueryOptions({ ...filters, limit: 50 }, { enabled: !invalidRange, getNextPageParam: (last) => last.nextCursor, placeholderData: (previous) => previous }),
  );
  const rows = logs.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Card>
      <CardHeader className="flex flex-col gap-2 border-b pb-4 lg:flex-row lg:flex-wrap lg:items-center">
        <Input type="search" className="lg:w-56" placeholder={t("adminLogs.text")} aria-label={t("adminLogs.text")} value={text} onChange={(e) => setText(e.target.value)} />
        <FilterSelect label={t("adminLogs.colActor")} allLabel={t("adminLogs.allActors")} value={actorId} onChange={setActorId} options={(choices.data?.actors ?? []).map((a) => ({ value: String(a.id), label: a.username }))} />
        <FilterSelect label={t("adminLogs.colAction")} allLabel={t("adminLogs.allActions")} value={action} onChange={setAction} options={(choices.data?.actions ?? []).map((a) => ({ value: a, label: a }))} />
        <FilterSelect label={t("adminLogs.colTarget")} allLabel={t("adminLogs.allTargets")} value={targetType} onChange={setTargetType} options={(choices.data?.targetTypes ?? []).map((a) => ({ value: a, label: a }))} />
        <DateRangeFields from={range.from} to={range.to} onChange={setRange} />
        <ExportButton kind="audit-logs" label={t("exports.downloadFiltered")} query={exportQuery(filters)} />
      </CardHeader>
      {invalidRange ? (
        <p className="p-5 text-sm text-destructive" role="alert">
          {t("analytics.rangeInvalid")}
        </p>
      ) : (
        <ListStates query={logs} empty={rows.length === 0} emptyTitle={t("adminLogs.empty")} icon={ScrollText}>
          <Table data-testid="audit-table">
            <TableHeader>
              <TableRow>
                <TableHead>{t("adminLogs.colTime")}</TableHead>
                <TableHead>{t("adminLogs.colActor")}</TableHead>
                <TableHead>{t("adminLogs.colAction")}</TableHead>
                <TableHead>{t("adminLogs.colTarget")}</TableHead>
                <TableHead className="hidden md:table-cell">{t("adminLogs.colIp")}</TableHead>
                <TableHead className="hidden lg:table-cell">{t("adminLogs.colDetails")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((a) => (
                <TableRow key={a.id}>
                  <TableCell className="whitespace-nowrap text-xs">{format.dateTime(a.createdAt)}</TableCell>
                  <TableCell className="max-w-32 truncate">{a.actor ?? t("admin.system")}</TableCell>
                  <TableCell>
                    <Badge tone="primary">{a.action}</Badge>
                  </TableCell>
                  <TableCell className="max-w-40 truncate text-xs">
                    {a.targetType}
                    {a.targetId ? ` · ${a.targetId}` : ""}
                  </TableCell>
                  <TableCell className="hidden text-xs md:table-cell">{a.ip ?? ""}</TableCell>
                  <TableCell className="hidden max-w-80 truncate font-mono text-xs lg:table-cell" title={a.details ? JSON.stringify(a.details) : ""}>
                    {a.details ? JSON.stringify(a.details) : ""}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <LoadMore hasMore={logs.hasNextPage} loading={logs.isFetchingNextPage} onLoad={() => void logs.fetchNextPage()} />
        </ListStates>
      )}
    </Card>
  );
}
