"use client";

import { useQuery } from "@tanstack/react-query";
import { CircleAlert, CirclePlus, Plug, Smartphone, Unplug } from "lucide-react";
import Link from "next/link";
import type { LucideIcon } from "lucide-react";
import { HandoffCountBadge } from "@/components/bot/handoff-count-badge";
import { errorMessage } from "@/components/errors/error-message";
import { useViewer } from "@/components/shell/viewer-context";
import { DeviceStatusBadge } from "@/components/status/device-status-badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useFormat, useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";

function StatCard({ label, value, icon: Icon, tone, testId }: { label: string; value: number | null; icon: LucideIcon; tone: string; testId: string }) {
  return (
    <Card>
      <CardContent className="flex items-center gap-4 p-5">
        <span className={cn("flex size-10 items-center justify-center rounded-lg", tone)}>
          <Icon className="size-5" aria-hidden />
        </span>
        <div>
          <p className="text-sm text-muted-foreground">{label}</p>
          {value === null ? <Skeleton className="mt-1 h-7 w-10" /> : <p className="text-2xl font-semibold tabular-nums" data-testid={testId}>{value}</p>}
        </div>
      </CardContent>
    </Card>
  );
}

/** Device counts and statuses, kept current by the live stream (no polling). */
export function DeviceOverview() {
  const t = useT();
  const format = useFormat();
  const trpc = useTRPC();
  const viewer = useViewer();
  const devices = useQuery(trpc.device.list.queryOptions({ limit: 200 }));
  const items = devices.data?.items ?? [];
  const count = (pred: (s: (typeof items)[number]["status"]) => boolean) => (devices.data ? items.filter((d) => pred(d.status)).length : null);

  return (
    <div className="grid gap-6">
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <StatCard label={t("dashboard.totalDevices")} value={devices.data ? items.length : null} icon={Smartphone} tone="bg-primary/10 text-primary" testId="stat-total" />
        <StatCard label={t("dashboard.connected")} value={count((s) => s === "connected")} icon={Plug} tone="bg-success/10 text-success" testId="stat-connected" />
        <StatCard
          label={t("dashboard.needsAttention")}
          value={count((s) => s === "qr_required" || s === "logged_out")}
          icon={CircleAlert}
          tone="bg-warning/15 text-[oklch(0.5_0.11_65)]"
          testId="stat-attention"
        />
        <StatCard label={t("dashboard.offline")} value={count((s) => s === "disconnected" || s === "connecting")} icon={Unplug} tone="bg-muted text-muted-foreground" testId="stat-offline" />
      </div>
      <Card>
        <CardHeader className="flex-row items-center justify-between border-b pb-4">
          <CardTitle>{t("dashboard.devicesTitle")}</CardTitle>
          <Button asChild variant="ghost" size="sm">
            <Link href="/devices">{t("dashboard.viewAll")}</Link>
          </Button>
        </CardHeader>
        {devices.isPending ? (
          <div className="grid gap-3 p-5">
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} className="h-10" />
            ))}
          </div>
        ) : devices.isError ? (
          <div className="p-5">
            <ErrorState title={t("common.loadError")} message={errorMessage(devices.error, t)} retryLabel={t("common.retry")} onRetry={() => void devices.refetch()} />
          </div>
        ) : items.length === 0 ? (
          <div className="p-5">
            {viewer.role === "admin" ? (
              <EmptyState
                icon={CirclePlus}
                title={t("dashboard.devicesEmpty")}
                description={t("gettingStarted.devicesEmptyAdmin")}
                className="border-none"
                action={
                  <Button asChild size="sm">
                    <Link href="/admin/devices">{t("gettingStarted.createAction")}</Link>
                  </Button>
                }
              />
            ) : (
              <EmptyState icon={CirclePlus} title={t("dashboard.devicesEmpty")} description={t("dashboard.devicesEmptyBody")} className="border-none" />
            )}
          </div>
        ) : (
          <ul className="divide-y">
            {items.slice(0, 8).map((d) => (
              <li key={d.deviceId}>
                <Link href={`/devices/${encodeURIComponent(d.deviceId)}`} className="flex items-center gap-3 px-5 py-3 transition-colors hover:bg-muted/50">
                  <div className="min-w-0 flex-1">
                    <p className="truncate text-sm font-medium">{d.deviceName}</p>
                    <p className="truncate text-xs text-muted-foreground">
                      {d.phoneNumber ?? t("devices.notLinked")} · {d.lastSeen ? format.relative(d.lastSeen) : t("common.never")}
                    </p>
                  </div>
                  <HandoffCountBadge deviceId={d.deviceId} />
                  <DeviceStatusBadge status={d.status} />
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
