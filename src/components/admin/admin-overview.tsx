"use client";

import { useQuery } from "@tanstack/react-query";
import { AlertTriangle, CheckCircle2 } from "lucide-react";
import Link from "next/link";
import { percent, StatTile } from "@/components/analytics/stat-tile";
import { TrafficChart } from "@/components/analytics/charts";
import { useLiveRefresh } from "@/components/analytics/use-live-refresh";
import { errorMessage } from "@/components/errors/error-message";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useFormat, useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { SendCapsSetting } from "./send-caps-setting";
import { SignupSetting } from "./signup-setting";

export function AdminOverview() {
  const t = useT();
  const format = useFormat();
  const trpc = useTRPC();
  const overview = useQuery(trpc.admin.overview.queryOptions());
  useLiveRefresh([trpc.admin.overview.queryKey()], ["message.received", "message.status", "device.status", "admin.userRegistered"]);
  if (overview.isPending) {
    return (
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-5">
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} className="h-24" />
        ))}
      </div>
    );
  }
  if (overview.isError) {
    return <ErrorState title={t("common.loadError")} message={errorMessage(overview.error, t)} retryLabel={t("common.retry")} onRetry={() => void overview.refetch()} />;
  }
  const o = overview.data;
  const offline = o.devices.total - o.devices.byStatus.connected;
  return (
    <div className="grid gap-4">
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-5">
        <StatTile testId="overview-users" label={t("adminOverview.users")} value={format.number(o.users.total)} detail={t("adminOverview.usersDetail", { active: o.users.active, locked: o.users.locked })} />
        <StatTile label={t("adminOverview.devices")} value={format.number(o.devices.total)} detail={t("adminOverview.devicesDetail", { connected: o.devices.byStatus.connected, offline })} />
        <StatTile testId="overview-messages" label={t("adminOverview.messagesToday")} value={format.number(o.messagesToday.incoming + o.messagesToday.outgoing)} detail={t("adminOverview.inOut", { incoming: o.messagesToday.incoming, outgoing: o.messagesToday.outgoing })} />
        <StatTile label={t("adminOverview.jobs")} value={format.number(o.jobs.running)} detail={t("adminOverview.jobsDetail", { running: o.jobs.running, queued: o.jobs.queued })} />
        <StatTile label={t("adminOverview.failures")} value={format.number(o.failures24h.messages + o.failures24h.jobs)} detail={t("adminOverview.failuresDetail", { messages: o.failures24h.messages, jobs: o.failures24h.jobs })} />
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>{t("adminOverview.traffic")}</CardTitle>
          </CardHeader>
          <CardContent>
            <TrafficChart data={o.traffic} labels={{ incoming: t("analytics.incoming"), outgoing: t("analytics.outgoing") }} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("adminOverview.devicesByStatus")}</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-2">
            {(Object.entries(o.devices.byStatus) as Array<[keyof typeof o.devices.byStatus, number]>).map(([status, count]) => (
              <div key={status} className="flex items-center justify-between text-sm">
                <span>{t(`deviceStatus.${status}`)}</span>
                <span className="tabular-nums">
                  {format.number(count)} <span className="text-muted-foreground">({percent(o.devices.total ? count / o.devices.total : 0)})</span>
                </span>
              </div>
            ))}
          </CardContent>
        </Card>
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>{t("adminOverview.attention")}</CardTitle>
          </CardHeader>
          <CardContent>
            {o.attention.length === 0 ? (
              <p className="flex items-center gap-2 text-sm text-muted-foreground">
                <CheckCircle2 className="size-4 text-success" aria-hidden />
                {t("adminOverview.attentionEmpty")}
              </p>
            ) : (
              <ul className="grid gap-2" data-testid="attention-list">
                {o.attention.map((d) => (
                  <li key={d.deviceId} className="flex flex-wrap items-center gap-2 rounded-lg border p-2 text-sm">
                    <AlertTriangle className="size-4 text-warning" aria-hidden />
                    <Link className="font-medium hover:underline" href={`/devices/${encodeURIComponent(d.deviceId)}`}>
                      {d.deviceName}
                    </Link>
                    <span className="text-muted-foreground">{d.owner.username}</span>
                    <Badge tone={d.status === "logged_out" ? "danger" : "warning"}>{t(`deviceStatus.${d.status}`)}</Badge>
                    {d.lastError ? <span className="w-full truncate text-xs text-muted-foreground">{d.lastError}</span> : null}
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
        <div className="grid content-start gap-4">
          <SignupSetting />
          <SendCapsSetting />
          <Card>
            <CardHeader>
              <CardTitle>{t("adminOverview.newUsers")}</CardTitle>
            </CardHeader>
            <CardContent>
              {o.newUsers.length === 0 ? (
                <p className="text-sm text-muted-foreground">{t("adminOverview.newUsersEmpty")}</p>
              ) : (
                <ul className="grid gap-1 text-sm">
                  {o.newUsers.map((u) => (
                    <li key={u.id} className="flex justify-between gap-2">
                      <span className="truncate">{u.username}</span>
                      <span className="text-muted-foreground">{format.relative(u.createdAt)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>
        </div>
      </div>
    </div>
  );
}
