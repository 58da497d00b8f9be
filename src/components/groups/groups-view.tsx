"use client";

import { useQuery } from "@tanstack/react-query";
import { Smartphone, Users } from "lucide-react";
import { useState } from "react";
import { ErrorState } from "@/components/ui/error-state";
import { EmptyState } from "@/components/ui/empty-state";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { GroupList } from "./group-list";
import { GroupPanel } from "./group-panel";

/** Pick a device → its groups → one group's members, actions, composer and chat (a panel beside the list; alone on phones). */
export function AdminGroupsView() {
  const t = useT();
  const trpc = useTRPC();
  const devices = useQuery(trpc.device.list.queryOptions({ limit: 200 }));
  const [deviceId, setDeviceId] = useState<string>();
  const [groupJid, setGroupJid] = useState<string>();
  const items = devices.data?.items ?? [];
  const device = items.find((d) => d.deviceId === deviceId);

  if (devices.isPending) return <Skeleton className="h-64 w-full" />;
  if (devices.isError) return <ErrorState title={t("common.errorTitle")} message={t("common.loadError")} retryLabel={t("common.retry")} onRetry={() => void devices.refetch()} />;
  if (items.length === 0) return <EmptyState icon={Smartphone} title={t("adminGroups.noDevices")} description={t("adminGroups.noDevicesHint")} />;

  return (
    <div className="grid gap-4">
      <div className="flex flex-col gap-1.5 sm:flex-row sm:items-center sm:gap-3">
        <span className="text-sm font-medium" id="groups-device-label">
          {t("adminGroups.device")}
        </span>
        <Select
          value={deviceId ?? ""}
          onValueChange={(value) => {
            setDeviceId(value);
            setGroupJid(undefined);
          }}
        >
          <SelectTrigger className="sm:w-72" aria-labelledby="groups-device-label" data-testid="groups-device-select">
            <SelectValue placeholder={t("adminGroups.chooseDevice")} />
          </SelectTrigger>
          <SelectContent>
            {items.map((d) => (
              <SelectItem key={d.deviceId} value={d.deviceId}>
                {d.deviceName}
                {d.phoneNumber ? ` · ${d.phoneNumber}` : ""}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      {!device ? (
        <EmptyState icon={Users} title={t("adminGroups.pickDevice")} />
      ) : (
        <div className="grid gap-4 lg:grid-cols-[20rem_minmax(0,1fr)]">
          <div className={groupJid ? "hidden lg:block" : undefined}>
            <GroupList deviceId={device.deviceId} connected={device.status === "connected"} selected={groupJid} onSelect={setGroupJid} />
          </div>
          {groupJid ? (
            <GroupPanel deviceId={device.deviceId} groupJid={groupJid} connected={device.status === "connected"} onBack={() => setGroupJid(undefined)} />
          ) : (
            <EmptyState className="hidden lg:flex" icon={Users} title={t("adminGroups.pickGroup")} />
          )}
        </div>
      )}
    </div>
  );
}
