"use client";

import { useQuery } from "@tanstack/react-query";
import { BarChart3 } from "lucide-react";
import { useState } from "react";
import { DateRangeFields } from "@/components/admin/date-range-fields";
import { ExportButton, exportQuery } from "@/components/admin/export-button";
import { FilterSelect } from "@/components/admin/filter-select";
import { errorMessage } from "@/components/errors/error-message";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useFormat, useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { RankingChart, RatesChart, TrafficChart } from "./charts";
import { percent, StatTile } from "./stat-tile";
import { useLiveRefresh } from "./use-live-refresh";

export function AnalyticsView() {
  const t = useT();
  const format = useFormat();
  const trpc = useTRPC();
  const [range, setRange] = useState<{ from?: string; to?: string }>({});
  const [deviceId, setDeviceId] = useState<string>();
  const [userId, setUserId] = useState<string>();
  const invalidRange = Boolean(range.from && range.to && range.from > range.to);
  const input = { ...range, deviceId, userId: userId ? Number(userId) : undefined };
  const stats = useQuery(trpc.stats.global.queryOptions(input, { enabled: !invalidRange, placeholderData: (previous) => previous }));
  const devices = useQuery(trpc.device.list.queryOptions({ limit: 200 }));
  const users = useQuery(trpc.admin.users.list.queryOptions({ limit: 200 }));
  useLiveRefresh([trpc.stats.pathKey()]);
  const labels = { incoming: t("analytics.incoming"), outgoing: t("analytics.outgoing") };
  const data = stats.data;

  return (
    <div className="grid gap-4">
      <Card>
        <CardContent className="flex flex-col gap-2 p-4 sm:flex-row sm:flex-wrap sm:items-center">
          <DateRangeFields from={range.from ?? data?.from} to={range.to ?? data?.to} onChange={setRange} />
          <FilterSelect
            label={t("analytics.device")}
            allLabel={t("analytics.allDevices")}
            value={deviceId}
            onChange={setDeviceId}
            options={(devices.data?.items ?? []).map((d) => ({ value: d.deviceId, label: d.deviceName }))}
          />
          <FilterSelect
            label={t("analytics.user")}
            allLabel={t("analytics.allUsers")}
            value={userId}
            onChange={setUserId}
            options={(users.data?.items ?? []).map((u) => ({ value: String(u.id), label: u.username }))}
          />
          {data ? <p className="text-xs text-muted-foreground sm:ml-auto">{t("analytics.timeZone", { zone: data.timeZone })}</p> : null}
        </CardContent>
      </Card>
      {invalidRange ? (
        <ErrorState title={t("analytics.rangeInvalid")} />
      ) : stats.isPending ? (
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} className="h-24" />
          ))}
        </div>
      ) : stats.isError ? (
        <ErrorState title={t("common.loadError")} message={errorMessage(stats.error, t)} retryLabel={t("common.retry")} onRetry={() => void stats.refetch()} />
      ) : data ? (
        <>
          <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
            <StatTile testId="tile-incoming" label={t("analytics.incoming")} value={format.number(data.totals.incoming)} />
            <StatTile testId="tile-outgoing" label={t("analytics.outgoing")} value={format.number(data.totals.outgoing)} detail={`${t("analytics.failed")}: ${format.number(data.totals.failed)}`} />
            <StatTile testId="tile-response" label={t("analytics.responseRate")} value={percent(data.totals.responseRate)} detail={`${t("analytics.activeChats")}: ${format.number(data.totals.activeChats)}`} />
            <StatTile testId="tile-delivered" label={t("analytics.deliveredRate")} value={percent(data.totals.deliveredRate)} detail={`${t("analytics.readRate")}: ${percent(data.totals.readRate)}`} />
          </div>
          {data.totals.incoming + data.totals.outgoing === 0 ? <EmptyState icon={BarChart3} title={t("analytics.empty")} /> : null}
          <div className="grid gap-4 lg:grid-cols-2">
            <Card>
              <CardHeader>
                <CardTitle>{t("analytics.perDay")}</CardTitle>
              </CardHeader>
              <CardContent>
                <TrafficChart data={data.daily} labels={labels} />
              </CardContent>
            </Card>
            <Card>
              <CardHeader>
                <CardTitle>{t("analytics.ratesPerDay")}</CardTitle>
              </CardHeader>
              <CardContent>
                <RatesChart data={data.daily} labels={{ response: t("analytics.responseRate"), delivered: t("analytics.deliveredRate"), read: t("analytics.readRate") }} />
              </CardContent>
            </Card>
            <Card>
              <CardHeader>
                <CardTitle>{t("analytics.perDevice")}</CardTitle>
              </CardHeader>
              <CardContent>
                <RankingChart testId="device-chart" data={data.byDevice.map((d) => ({ name: d.deviceName, incoming: d.incoming, outgoing: d.outgoing }))} labels={labels} />
              </CardContent>
            </Card>
            <Card>
              <CardHeader>
                <CardTitle>{t("analytics.perUser")}</CardTitle>
              </CardHeader>
              <CardContent>
                <RankingChart testId="user-chart" data={data.byUser.map((u) => ({ name: u.username, incoming: u.incoming, outgoing: u.outgoing }))} labels={labels} />
              </CardContent>
            </Card>
          </div>
          <Card>
            <CardHeader>
              <CardTitle>{t("analytics.jobs")}</CardTitle>
            </CardHeader>
            <CardContent>
              {data.jobs.length === 0 ? (
                <p className="text-sm text-muted-foreground">{t("analytics.jobsEmpty")}</p>
              ) : (
                <Table>
                  <TableHeader>
                    <TableRow>
                      <TableHead>{t("adminMessages.colStatus")}</TableHead>
                      <TableHead className="text-right">{t("adminUsers.jobs")}</TableHead>
                      <TableHead className="text-right">{t("analytics.outgoing")}</TableHead>
                      <TableHead className="text-right">{t("analytics.failed")}</TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {data.jobs.map((j) => (
                      <TableRow key={j.status}>
                        <TableCell>{j.status}</TableCell>
                        <TableCell className="text-right tabular-nums">{format.number(j.jobs)}</TableCell>
                        <TableCell className="text-right tabular-nums">{format.number(j.sent)}</TableCell>
                        <TableCell className="text-right tabular-nums">{format.number(j.failed)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </CardContent>
          </Card>
        </>
      ) : null}
      <Card>
        <CardHeader>
          <CardTitle>{t("exports.title")}</CardTitle>
          <CardDescription>{t("exports.description")}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {(
            [
              ["messages", t("exports.messages"), exportQuery({ from: range.from, to: range.to, deviceId, userId })],
              ["users", t("exports.users"), ""],
              ["devices", t("exports.devices"), exportQuery({ ownerId: userId })],
              ["contacts", t("exports.contacts"), exportQuery({ ownerId: userId })],
              ["audit-logs", t("exports.auditLogs"), exportQuery({ from: range.from, to: range.to })],
            ] as const
          ).map(([kind, label, query]) => (
            <div key={kind} className="grid gap-2">
              <p className="text-sm font-medium">{label}</p>
              <ExportButton kind={kind} query={query} />
            </div>
          ))}
        </CardContent>
      </Card>
    </div>
  );
}
