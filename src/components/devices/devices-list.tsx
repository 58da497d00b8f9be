"use client";

import { useQuery } from "@tanstack/react-query";
import { Smartphone } from "lucide-react";
import { errorMessage } from "@/components/errors/error-message";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { DeviceTable, DeviceTableSkeleton } from "./device-table";

/** The caller's devices; statuses update live through the shell's event stream. */
export function DevicesList() {
  const t = useT();
  const trpc = useTRPC();
  const devices = useQuery(trpc.device.list.queryOptions({ limit: 100 }));

  if (devices.isPending) {
    return (
      <Card>
        <DeviceTableSkeleton />
      </Card>
    );
  }
  if (devices.isError) {
    return <ErrorState title={t("common.loadError")} message={errorMessage(devices.error, t)} retryLabel={t("common.retry")} onRetry={() => void devices.refetch()} />;
  }
  if (devices.data.items.length === 0) {
    return <EmptyState icon={Smartphone} title={t("devices.empty")} description={t("devices.emptyBody")} />;
  }
  return (
    <Card>
      <DeviceTable devices={devices.data.items} />
    </Card>
  );
}
