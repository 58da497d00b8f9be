"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { MessageSquare } from "lucide-react";
import { useDeferredValue, useState } from "react";
import type { MessageDirection, MessageStatus } from "@/generated/prisma/enums";
import { DateRangeFields } from "@/components/admin/date-range-fields";
import { ExportButton, exportQuery } from "@/components/admin/export-button";
import { FilterSelect } from "@/components/admin/filter-select";
import { ListStates } from "@/components/admin/list-states";
import { LoadMore } from "@/components/admin/load-more";
import { useLiveRefresh } from "@/components/analytics/use-live-refresh";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useFormat, useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { useUserOptions } from "./use-user-options";

const STATUSES: MessageStatus[] = ["pending", "sent", "delivered", "read", "failed"];
const STATUS_TONE = { pending: "neutral", sent: "info", delivered: "info", read: "success", failed: "danger" } as const;

export function AdminMessagesView() {
  const t = useT();
  const format = useFormat();
  const trpc = useTRPC();
  const [deviceId, setDeviceId] = useState<string>();
  const [userId, setUserId] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [direction, setDirection] = useState<string>();
  const [range, setRange] = useState<{ from?: string; to?: string }>({});
  const [text, setText] = useState("");
  const deferredText = useDeferredValue(text.trim());
  const devices = useQuery(trpc.device.list.queryOptions({ limit: 200 }));
  const userOptions = useUserOptions();
  const invalidRange = Boolean(range.from && range.to && range.from > range.to);
  const filters = {
    deviceId,
    userId: userId ? Number(userId) : undefined,
    status: status as MessageStatus | undefined,
    direction: direction as MessageDirection | undefined,
    from: range.from,
    to: range.to,
    text: deferredText || undefined,
  };
  const messages = useInfiniteQuery(
    trpc.admin.messages.infiniteQueryOptions({ ...filters, limit: 50 }, { enabled: !invalidRange, getNextPageParam: (last) => last.nextCursor ?? undefined, placeholderData: (previous) => previous }),
  );
  useLiveRefresh([trpc.admin.messages.pathKey()]);
  const rows = messages.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Card>
      <CardHeader className="flex flex-col gap-2 border-b pb-4 lg:flex-row lg:flex-wrap lg:items-center">
        <Input type="search" className="lg:w-56" placeholder={t("adminMessages.text")} aria-label={t("adminMessages.text")} value={text} onChange={(e) => setText(e.target.value)} />
        <FilterSelect label={t("adminMessages.colDevice")} allLabel={t("analytics.allDevices")} value={deviceId} onChange={setDeviceId} options={(devices.data?.items ?? []).map((d) => ({ value: d.deviceId, label: d.deviceName }))} />
        <FilterSelect label={t("adminMessages.colOwner")} allLabel={t("adminMessages.allUsers")} value={userId} onChange={setUserId} options={userOptions} />
        <FilterSelect label={t("adminMessages.colStatus")} allLabel={t("adminMessages.allStatuses")} value={status} onChange={setStatus} options={STATUSES.map((s) => ({ value: s, label: t(`messageStatus.${s}`) }))} />
        <FilterSelect
          label={t("adminMessages.colDirection")}
          allLabel={t("adminMessages.allDirections")}
          value={direction}
          onChange={setDirection}
          options={[
            { value: "incoming", label: t("direction.incoming") },
            { value: "outgoing", label: t("direction.outgoing") },
          ]}
        />
        <DateRangeFields from={range.from} to={range.to} onChange={setRange} />
        <ExportButton kind="messages" label={t("exports.downloadFiltered")} query={exportQuery(filters)} />
      </CardHeader>
      {invalidRange ? (
        <p className="p-5 text-sm text-destructive" role="alert">
          {t("analytics.rangeInvalid")}
        </p>
      ) : (
        <ListStates query={messages} empty={rows.length === 0} emptyTitle={t("adminMessages.empty")} icon={MessageSquare}>
          <Table data-testid="admin-messages-table">
            <TableHeader>
              <TableRow>
                <TableHead>{t("adminMessages.colTime")}</TableHead>
                <TableHead>{t("adminMessages.colDevice")}</TableHead>
                <TableHead className="hidden md:table-cell">{t("adminMessages.colChat")}</TableHead>
                <TableHead>{t("adminMessages.colContent")}</TableHead>
                <TableHead>{t("adminMessages.colStatus")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((m) => (
                <TableRow key={m.id}>
                  <TableCell className="whitespace-nowrap text-xs">{format.dateTime(m.timestamp)}</TableCell>
                  <TableCell className="max-w-40">
                    <p className="truncate text-sm font-medium">{m.deviceName}</p>
                    <p className="truncate text-xs text-muted-foreground">{m.owner}</p>
                  </TableCell>
                  <TableCell className="hidden max-w-44 truncate text-xs md:table-cell">{m.chatJid.split("@")[0]}</TableCell>
                  <TableCell className="max-w-72">
                    <p className="line-clamp-2 text-sm break-words">
                      <span className="mr-1 text-xs text-muted-foreground">{m.direction === "incoming" ? "←" : "→"}</span>
                      {m.content ?? t("adminMessages.media", { type: m.type })}
                    </p>
                    {m.error ? <p className="truncate text-xs text-destructive">{m.error}</p> : null}
                  </TableCell>
                  <TableCell>
                    <Badge tone={STATUS_TONE[m.status]}>{t(`messageStatus.${m.status}`)}</Badge>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <LoadMore hasMore={messages.hasNextPage} loading={messages.isFetchingNextPage} onLoad={() => void messages.fetchNextPage()} />
        </ListStates>
      )}
    </Card>
  );
}
