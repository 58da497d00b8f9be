"use client";

import { LoaderCircle } from "lucide-react";
import { useT } from "@/i18n/provider";

/** The QR as a crisp square: a data URL from the server (plain <img>: nothing for next/image to optimise; CSP allows data:). */
export function QrImage({ src, version }: { src: string | null; version: number }) {
  const t = useT();
  return (
    <div className="flex aspect-square w-full max-w-64 items-center justify-center rounded-xl border bg-white p-3 shadow-sm">
      {src ? (
        <img src={src} alt={t("device.qrAlt")} className="size-full [image-rendering:pixelated]" data-testid="device-qr" data-qr-version={version} />
      ) : (
        <div className="flex flex-col items-center gap-2 text-center text-sm text-muted-foreground" role="status">
          <LoaderCircle className="size-6 animate-spin" aria-hidden />
          {t("device.qrWaiting")}
        </div>
      )}
    </div>
  );
}
