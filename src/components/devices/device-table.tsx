"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { DeviceStatusBadge } from "@/components/status/device-status-badge";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useFormat, useT } from "@/i18n/provider";
import type { DeviceItem } from "./types";

/** Devices as a table on wide screens and as stacked rows on phones. */
export function DeviceTable({
  devices,
  showOwner = false,
  actions,
}: {
  devices: DeviceItem[];
  showOwner?: boolean;
  actions?: (device: DeviceItem) => ReactNode;
}) {
  const t = useT();
  const format = useFormat();
  return (
    <Table>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>{t("devices.name")}</TableHead>
          <TableHead>{t("devices.status")}</TableHead>
          <TableHead className="hidden md:table-cell">{t("devices.phone")}</TableHead>
          {showOwner ? <TableHead className="hidden sm:table-cell">{t("devices.owner")}</TableHead> : null}
          <TableHead className="hidden lg:table-cell">{t("devices.lastSeen")}</TableHead>
          {actions ? <TableHead className="w-0" /> : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {devices.map((device) => (
          <TableRow key={device.deviceId} data-testid="device-row" data-device-id={device.deviceId}>
            <TableCell>
              <Link href={`/devices/${encodeURIComponent(device.deviceId)}`} className="font-medium [overflow-wrap:anywhere] hover:text-primary hover:underline">
                {device.deviceName}
              </Link>
              {/* Phones: the id truncates to a third of the screen, so the row and its actions fit without sideways scroll. */}
              <div className="max-w-[min(14rem,35vw)] truncate font-mono text-xs text-muted-foreground">{device.deviceId}</div>
            </TableCell>
            <TableCell>
              <DeviceStatusBadge status={device.status} />
            </TableCell>
            <TableCell className="hidden font-mono text-xs md:table-cell">{device.phoneNumber ?? <span className="font-sans text-muted-foreground">{t("devices.notLinked")}</span>}</TableCell>
            {showOwner ? (
              <TableCell className="hidden sm:table-cell">
                <div className="text-sm">{device.owner.username}</div>
                <div className="text-xs text-muted-foreground">{device.owner.email}</div>
              </TableCell>
            ) : null}
            <TableCell className="hidden text-sm text-muted-foreground lg:table-cell">{device.lastSeen ? format.relative(device.lastSeen) : t("common.never")}</TableCell>
            {actions ? <TableCell className="text-right">{actions(device)}</TableCell> : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function DeviceTableSkeleton({ rows = 3 }: { rows?: number }) {
  return (
    <div className="grid gap-3 p-4" aria-busy>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="flex items-center gap-4">
          <div className="grid flex-1 gap-1.5">
            <Skeleton className="h-4 w-40" />
            <Skeleton className="h-3 w-56" />
          </div>
          <Skeleton className="h-5 w-24 rounded-full" />
          <Skeleton className="hidden h-4 w-28 md:block" />
        </div>
      ))}
    </div>
  );
}
