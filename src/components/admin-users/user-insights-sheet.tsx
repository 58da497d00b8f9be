"use client";

import { useQuery } from "@tanstack/react-query";
import { errorMessage } from "@/components/errors/error-message";
import { Badge } from "@/components/ui/badge";
import { Dialog, DialogContent, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useFormat, useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";

/** Per-user insights: devices, messages over 7 and 30 days, jobs and last login. */
export function UserInsightsDialog({ userId, name, open, onOpenChange }: { userId: number; name: string; open: boolean; onOpenChange: (open: boolean) => void }) {
  const t = useT();
  const format = useFormat();
  const trpc = useTRPC();
  const insights = useQuery(trpc.admin.users.insights.queryOptions({ userId }, { enabled: open }));
  const d = insights.data;
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent closeLabel={t("common.close")} className="max-h-[90dvh] overflow-y-auto">
        <DialogHeader>
          <DialogTitle>{t("adminUsers.insightsTitle", { name })}</DialogTitle>
        </DialogHeader>
        {insights.isPending ? (
          <Skeleton className="h-40" />
        ) : insights.isError ? (
          <ErrorState title={t("common.loadError")} message={errorMessage(insights.error, t)} />
        ) : d ? (
          <div className="grid gap-4 text-sm" data-testid="user-insights">
            <dl className="grid grid-cols-2 gap-3">
              <div>
                <dt className="text-muted-foreground">{t("adminUsers.messages7d")}</dt>
                <dd className="font-medium tabular-nums">{t("adminOverview.inOut", { incoming: d.messages.last7Days.incoming, outgoing: d.messages.last7Days.outgoing })}</dd>
              </div>
              <div>
                <dt className="text-muted-foreground">{t("adminUsers.messages30d")}</dt>
                <dd className="font-medium tabular-nums">{t("adminOverview.inOut", { incoming: d.messages.last30Days.incoming, outgoing: d.messages.last30Days.outgoing })}</dd>
              </div>
              <div>
                <dt className="text-muted-foreground">{t("adminUsers.lastLogin")}</dt>
                <dd className="font-medium">{d.user.lastLogin ? format.dateTime(d.user.lastLogin) : t("common.never")}</dd>
              </div>
              <div>
                <dt className="text-muted-foreground">{t("adminUsers.jobs")}</dt>
                <dd className="font-medium">
                  {Object.keys(d.jobs).length === 0
                    ? t("adminUsers.jobsNone")
                    : Object.entries(d.jobs)
                        .map(([status, count]) => `${status}: ${count ?? 0}`)
                        .join(" · ")}
                </dd>
              </div>
            </dl>
            <div>
              <p className="mb-2 font-medium">{t("adminUsers.devicesList")}</p>
              {d.devices.length === 0 ? (
                <p className="text-muted-foreground">{t("adminUsers.noDevices")}</p>
              ) : (
                <ul className="grid gap-1.5">
                  {d.devices.map((device) => (
                    <li key={device.deviceId} className="flex flex-wrap items-center justify-between gap-2">
                      <span className="truncate">
                        {device.deviceName} <span className="text-muted-foreground">{device.phoneNumber ?? ""}</span>
                      </span>
                      <Badge tone={device.status === "connected" ? "success" : "neutral"} dot>
                        {t(`deviceStatus.${device.status}`)}
                      </Badge>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </div>
        ) : null}
      </DialogContent>
    </Dialog>
  );
}
