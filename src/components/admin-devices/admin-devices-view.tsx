"use client";

import { useQuery } from "@tanstack/react-query";
import { Search, Smartphone } from "lucide-react";
import { useDeferredValue, useState } from "react";
import type { DeviceStatus } from "@/generated/prisma/enums";
import { DeviceTable, DeviceTableSkeleton } from "@/components/devices/device-table";
import { errorMessage } from "@/components/errors/error-message";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { DeviceRowActions } from "./device-row-actions";

const statuses: DeviceStatus[] = ["connected", "qr_required", "connecting", "disconnected", "logged_out"];
const ALL = "all";

export function AdminDevicesView() {
  const t = useT();
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState<string>(ALL);
  const deferredSearch = useDeferredValue(search.trim());
  const devices = useQuery(
    trpc.device.list.queryOptions(
      { limit: 200, search: deferredSearch || undefined, status: status === ALL ? undefined : (status as DeviceStatus) },
      { placeholderData: (previous) => previous },
    ),
  );

  return (
    <Card>
      <CardHeader className="flex flex-col gap-3 border-b pb-4 sm:flex-row sm:items-center">
        <div className="relative flex-1">
          <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
          <Input type="search" className="pl-9" placeholder={t("adminDevices.search")} aria-label={t("adminDevices.search")} value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <Select value={status} onValueChange={setStatus}>
          <SelectTrigger className="sm:w-52" aria-label={t("devices.status")}>
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL}>{t("adminDevices.filterStatus")}</SelectItem>
            {statuses.map((s) => (
              <SelectItem key={s} value={s}>
                {t(`deviceStatus.${s}`)}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </CardHeader>
      {devices.isPending ? (
        <DeviceTableSkeleton rows={5} />
      ) : devices.isError ? (
        <div className="p-5">
          <ErrorState title={t("common.loadError")} message={errorMessage(devices.error, t)} retryLabel={t("common.retry")} onRetry={() => void devices.refetch()} />
        </div>
      ) : devices.data.items.length === 0 ? (
        <div className="p-5">
          <EmptyState icon={Smartphone} title={t("devices.empty")} className="border-none" />
        </div>
      ) : (
        <DeviceTable devices={devices.data.items} showOwner actions={(device) => <DeviceRowActions device={device} />} />
      )}
    </Card>
  );
}
