"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowLeft, Bot, SearchX } from "lucide-react";
import Link from "next/link";
import { HandoffCountBadge } from "@/components/bot/handoff-count-badge";
import { errorMessage, isNotFound } from "@/components/errors/error-message";
import { DeviceStatusBadge } from "@/components/status/device-status-badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { DeviceActions } from "./device-actions";
import { DeviceInfoCard } from "./device-info-card";
import { DeviceMessages } from "./device-messages";
import { QrPanel } from "./qr-panel";
import { SendCapsCard } from "./send-caps-card";

function BackLink() {
  const t = useT();
  return (
    <Button asChild variant="ghost" size="sm" className="-ml-2 mb-2 text-muted-foreground">
      <Link href="/devices">
        <ArrowLeft aria-hidden />
        {t("device.backToDevices")}
      </Link>
    </Button>
  );
}

export function DeviceDetailView({ deviceId }: { deviceId: string }) {
  const t = useT();
  const trpc = useTRPC();
  const device = useQuery(trpc.device.get.queryOptions({ deviceId }, { retry: (count, error) => !isNotFound(error) && count < 1 }));

  if (device.isPending) {
    return (
      <>
        <BackLink />
        <Skeleton className="mb-6 h-8 w-64" />
        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
          <Skeleton className="h-80 rounded-xl" />
          <Skeleton className="h-64 rounded-xl" />
        </div>
      </>
    );
  }
  if (device.isError) {
    return (
      <>
        <BackLink />
        {isNotFound(device.error) ? (
          <EmptyState icon={SearchX} title={t("device.notFound")} description={t("device.notFoundBody")} />
        ) : (
          <ErrorState title={t("common.loadError")} message={errorMessage(device.error, t)} retryLabel={t("common.retry")} onRetry={() => void device.refetch()} />
        )}
      </>
    );
  }

  const d = device.data;
  return (
    <>
      <BackLink />
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            {d.deviceName}
            <DeviceStatusBadge status={d.status} />
            <HandoffCountBadge deviceId={d.deviceId} />
          </span>
        }
        description={<span className="font-mono text-xs">{d.deviceId}</span>}
        actions={
          <>
            <Button asChild variant="outline">
              <Link href={`/devices/${encodeURIComponent(d.deviceId)}/bot`}>
                <Bot aria-hidden />
                {t("nav.deviceBot")}
              </Link>
            </Button>
            <DeviceActions deviceId={d.deviceId} status={d.status} />
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <QrPanel key={d.status === "qr_required" || d.status === "connecting" ? "pairing" : "idle"} deviceId={d.deviceId} status={d.status} phoneNumber={d.phoneNumber} />
        <div className="grid content-start gap-6">
          <DeviceInfoCard device={d} />
          <SendCapsCard deviceId={d.deviceId} />
        </div>
      </div>
      <div className="mt-6">
        <DeviceMessages deviceId={d.deviceId} />
      </div>
    </>
  );
}
