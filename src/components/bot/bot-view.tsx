"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowLeft, SearchX } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorMessage, isNotFound } from "@/components/errors/error-message";
import { DeviceStatusBadge } from "@/components/status/device-status-badge";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { BotLogs } from "./bot-logs";
import { BOT_TABS, type BotTab } from "./bot-tabs";
import { BotSettings } from "./bot-settings";
import { BotStats } from "./bot-stats";
import { HandoffsPanel } from "./handoffs-panel";
import { RulesPanel } from "./rules-panel";
import { TestConsole } from "./test-console";
import { useActiveHandoffCount } from "./use-active-handoffs";

function BackLink({ deviceId }: { deviceId: string }) {
  const t = useT();
  return (
    <Button asChild variant="ghost" size="sm" className="-ml-2 mb-2 text-muted-foreground">
      <Link href={`/devices/${encodeURIComponent(deviceId)}`}>
        <ArrowLeft aria-hidden />
        {t("chat.backToDevice")}
      </Link>
    </Button>
  );
}

/** The device's auto-reply bot: settings, rules, a test console, hand-offs, the decision log and statistics. */
export function BotView({ deviceId, initialTab }: { deviceId: string; initialTab: BotTab }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const [tab, setTab] = useState<BotTab>(initialTab);
  const device = useQuery(trpc.device.get.queryOptions({ deviceId }, { retry: (count, error) => !isNotFound(error) && count < 1 }));
  const activeHandoffs = useActiveHandoffCount(deviceId, device.isSuccess);

  const select = (next: string) => {
    const value = BOT_TABS.find((b) => b === next) ?? "settings";
    setTab(value);
    router.replace(`/devices/${encodeURIComponent(deviceId)}/bot${value === "settings" ? "" : `?tab=${value}`}`, { scroll: false });
  };

  if (device.isPending) {
    return (
      <>
        <BackLink deviceId={deviceId} />
        <Skeleton className="mb-6 h-8 w-64" />
        <Skeleton className="mb-4 h-9 w-full max-w-xl" />
        <Skeleton className="h-96 rounded-xl" />
      </>
    );
  }
  if (device.isError) {
    return (
      <>
        <BackLink deviceId={deviceId} />
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
      <BackLink deviceId={deviceId} />
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            {t("bot.title")}
            <DeviceStatusBadge status={d.status} />
          </span>
        }
        description={t("bot.description", { device: d.deviceName })}
      />
      <Tabs value={tab} onValueChange={select}>
        {/* Six tabs do not fit a phone: the row scrolls sideways instead of wrapping. */}
        <div className="-mx-4 overflow-x-auto px-4 pb-1 sm:mx-0 sm:px-0">
          <TabsList aria-label={t("bot.title")}>
            {BOT_TABS.map((name) => (
              <TabsTrigger key={name} value={name} data-testid={`bot-tab-${name}`}>
                {t(`bot.tabs.${name}`)}
                {name === "handoffs" && activeHandoffs > 0 ? (
                  <Badge tone="warning" className="ml-1.5 px-1.5 py-0" data-testid="handoff-tab-count">
                    {activeHandoffs}
                  </Badge>
                ) : null}
              </TabsTrigger>
            ))}
          </TabsList>
        </div>
        <TabsContent value="settings">
          <BotSettings deviceId={deviceId} />
        </TabsContent>
        <TabsContent value="rules">
          <RulesPanel deviceId={deviceId} />
        </TabsContent>
        <TabsContent value="test">
          <TestConsole deviceId={deviceId} />
        </TabsContent>
        <TabsContent value="handoffs">
          <HandoffsPanel deviceId={deviceId} />
        </TabsContent>
        <TabsContent value="logs">
          <BotLogs deviceId={deviceId} />
        </TabsContent>
        <TabsContent value="stats">
          <BotStats deviceId={deviceId} />
        </TabsContent>
      </Tabs>
    </>
  );
}
