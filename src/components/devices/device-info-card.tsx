"use client";

import type { ReactNode } from "react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { useFormat, useT } from "@/i18n/provider";
import type { DeviceDetail } from "./types";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-0.5 py-2 first:pt-0 last:pb-0 sm:grid-cols-[8rem_1fr] sm:gap-3">
      <dt className="text-xs text-muted-foreground sm:text-sm">{label}</dt>
      <dd className="min-w-0 text-sm break-words">{children}</dd>
    </div>
  );
}

export function DeviceInfoCard({ device }: { device: DeviceDetail }) {
  const t = useT();
  const format = useFormat();
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("device.info")}</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="divide-y">
          <Row label={t("devices.deviceId")}>
            <span className="font-mono text-xs">{device.deviceId}</span>
          </Row>
          <Row label={t("devices.phone")}>
            <span data-testid="device-phone">{device.phoneNumber ?? <span className="text-muted-foreground">{t("devices.notLinked")}</span>}</span>
          </Row>
          <Row label={t("devices.owner")}>
            {device.owner.username} <span className="text-muted-foreground">· {device.owner.email}</span>
          </Row>
          <Row label={t("devices.lastSeen")}>{device.lastSeen ? format.dateTime(device.lastSeen) : t("common.never")}</Row>
          <Row label={t("device.createdAt")}>{format.dateTime(device.createdAt)}</Row>
          {device.lastError ? (
            <Row label={t("device.lastError")}>
              <span className="text-destructive">{device.lastError}</span>
            </Row>
          ) : null}
        </dl>
      </CardContent>
    </Card>
  );
}
