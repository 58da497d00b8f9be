"use client";

import { useQuery } from "@tanstack/react-query";
import { KeyRound, ScanLine } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { errorMessage } from "@/components/errors/error-message";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormError, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { useEnterPairingCode, useScanDevice } from "./use-sandbox";

/** The selected account's phone "scans" a waiting device's QR, or types a pairing code. */
export function LinkDeviceCard({ phone }: { phone: string }) {
  const t = useT();
  const trpc = useTRPC();
  const waiting = useQuery(trpc.device.list.queryOptions({ status: "qr_required", limit: 200 }));
  const [deviceId, setDeviceId] = useState("");
  const [code, setCode] = useState("");
  const scan = useScanDevice();
  const pair = useEnterPairingCode();
  const items = waiting.data?.items ?? [];
  const chosen = items.some((d) => d.deviceId === deviceId) ? deviceId : (items[0]?.deviceId ?? "");

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("sandbox.linkTitle")}</CardTitle>
        <CardDescription>{t("sandbox.linkDescription")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <FormError message={scan.error ? errorMessage(scan.error, t) : pair.error ? errorMessage(pair.error, t) : null} />
        {items.length === 0 ? (
          <p className="rounded-md bg-muted/60 px-3 py-2 text-sm text-muted-foreground">{t("sandbox.noWaiting")}</p>
        ) : (
          <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
            <FormField id="sandbox-device" label={t("sandbox.device")} className="flex-1">
              <Select value={chosen} onValueChange={setDeviceId}>
                <SelectTrigger id="sandbox-device">
                  <SelectValue placeholder={t("sandbox.devicePlaceholder")} />
                </SelectTrigger>
                <SelectContent>
                  {items.map((d) => (
                    <SelectItem key={d.deviceId} value={d.deviceId}>
                      {d.deviceName} · {d.owner.username}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            </FormField>
            <Button
              onClick={() => scan.mutate({ deviceId: chosen, phone }, { onSuccess: () => toast.success(t("sandbox.scanned")) })}
              loading={scan.isPending}
              disabled={!chosen}
            >
              {scan.isPending ? null : <ScanLine aria-hidden />}
              {t("sandbox.scan")}
            </Button>
          </div>
        )}
        <form
          className="flex flex-col gap-2 border-t pt-4 sm:flex-row sm:items-end"
          onSubmit={(e) => {
            e.preventDefault();
            if (code.trim()) pair.mutate({ phone, code: code.trim() });
          }}
        >
          <FormField id="sandbox-code" label={t("sandbox.pairingCode")} className="flex-1">
            <Input id="sandbox-code" className="font-mono uppercase" placeholder="ABCD-EFGH" maxLength={9} value={code} onChange={(e) => setCode(e.target.value)} />
          </FormField>
          <Button type="submit" variant="outline" loading={pair.isPending}>
            {pair.isPending ? null : <KeyRound aria-hidden />}
            {t("sandbox.enterCode")}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
