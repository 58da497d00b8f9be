"use client";

import { useQuery } from "@tanstack/react-query";
import { CircleCheck, KeyRound, QrCode, Unplug } from "lucide-react";
import { useState } from "react";
import type { DeviceStatus } from "@/generated/prisma/enums";
import { useLiveEvent } from "@/components/live/live-events-provider";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useFormat, useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { PairingCodeForm } from "./pairing-code-form";
import { QrImage } from "./qr-image";

interface Snapshot {
  qrImage: string;
  receivedAt: string;
  version: number;
}

/**
 * Linking: the QR rotates live (each `device.qr` event carries a fresh PNG data URL). On opening the page while a QR
 * is already waiting, the current one is fetched once; after that only events update it. The parent remounts this
 * panel when a pairing attempt starts or ends, so no QR from an earlier attempt lingers.
 */
export function QrPanel({ deviceId, status, phoneNumber }: { deviceId: string; status: DeviceStatus; phoneNumber: string | null }) {
  const t = useT();
  const format = useFormat();
  const trpc = useTRPC();
  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  const [mode, setMode] = useState<"qr" | "code">("qr");
  const pairing = status === "qr_required" || status === "connecting";

  // Opening the page while a QR is already waiting: fetch the current one once; after that only events update it.
  const current = useQuery(trpc.device.qrImage.queryOptions({ deviceId }, { enabled: status === "qr_required" && snapshot === null, staleTime: 0 }));
  const initialImage = current.data?.qrImage;
  const shown: Snapshot | null =
    snapshot ?? (initialImage ? { qrImage: initialImage, receivedAt: new Date(current.dataUpdatedAt).toISOString(), version: 0 } : null);

  useLiveEvent("device.qr", (event) => {
    if (event.data.deviceId !== deviceId) return;
    setSnapshot((prev) => ({ qrImage: event.data.qrImage, receivedAt: event.at, version: (prev?.version ?? 0) + 1 }));
  });

  return (
    <Card data-testid="qr-panel">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <QrCode className="size-4 text-primary" aria-hidden />
          {t("device.qrTitle")}
        </CardTitle>
        {pairing && mode === "qr" ? <CardDescription>{t("device.qrSteps")}</CardDescription> : null}
      </CardHeader>
      <CardContent className="flex flex-col items-center gap-4">
        {status === "connected" ? (
          <div className="flex flex-col items-center gap-2 py-6 text-center" data-testid="device-linked">
            <CircleCheck className="size-10 text-success" aria-hidden />
            <p className="font-medium">{t("device.connectedTitle")}</p>
            <p className="text-sm text-muted-foreground">{t("device.connectedBody", { phone: phoneNumber ?? t("common.none") })}</p>
          </div>
        ) : pairing ? (
          mode === "qr" ? (
            <>
              <QrImage src={shown?.qrImage ?? null} version={shown?.version ?? 0} />
              {shown ? (
                <p className="text-center text-xs text-muted-foreground" aria-live="polite">
                  {t("device.qrRefreshes", { time: format.time(shown.receivedAt) })}
                </p>
              ) : null}
              <Button variant="link" size="sm" onClick={() => setMode("code")}>
                <KeyRound aria-hidden />
                {t("device.usePairingCode")}
              </Button>
            </>
          ) : (
            <>
              <PairingCodeForm deviceId={deviceId} />
              <Button variant="link" size="sm" onClick={() => setMode("qr")}>
                <QrCode aria-hidden />
                {t("device.useQr")}
              </Button>
            </>
          )
        ) : (
          <div className="flex flex-col items-center gap-2 py-6 text-center">
            <Unplug className="size-10 text-muted-foreground" aria-hidden />
            <p className="max-w-xs text-sm text-muted-foreground">{status === "logged_out" ? t("device.loggedOutBody") : t("device.qrIdle")}</p>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
