"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { errorMessage } from "@/components/errors/error-message";
import { useLiveEvent } from "@/components/live/live-events-provider";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { fieldDescribedBy, FormError, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { useFormat, useT } from "@/i18n/provider";
import type { TSendCapsResponse } from "@/server/api/routers/device/send-caps.types";
import { useTRPC } from "@/trpc/react";

/** "" → null (the admin's default); a whole number ≥ 1 → that number; anything else → undefined (invalid). */
function parseCap(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  if (!/^\d+$/.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return value >= 1 ? value : undefined;
}

/** The device's own hourly and daily caps for chat blasts, what is in force, and how much of it is used. */
export function SendCapsCard({ deviceId }: { deviceId: string }) {
  const t = useT();
  const format = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const caps = useQuery(trpc.device.sendCaps.queryOptions({ deviceId }));
  // Sends of this device move its usage: job progress events say when.
  useLiveEvent("job.progress", (event) => {
    if (event.data.deviceId === deviceId) void queryClient.invalidateQueries({ queryKey: trpc.device.sendCaps.queryKey({ deviceId }) });
  });

  if (caps.isPending) return <Skeleton className="h-64 rounded-xl" />;
  if (caps.isError) {
    return <ErrorState title={t("common.loadError")} message={errorMessage(caps.error, t)} retryLabel={t("common.retry")} onRetry={() => void caps.refetch()} />;
  }
  const d = caps.data;
  return (
    <Card data-testid="send-caps">
      <CardHeader>
        <CardTitle>{t("device.capsTitle")}</CardTitle>
        <CardDescription>{t("device.capsDescription")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <dl className="grid grid-cols-2 gap-3 text-sm">
          <div className="rounded-lg border bg-muted/40 px-3 py-2">
            <dt className="text-xs text-muted-foreground">{t("device.capsSentThisHour")}</dt>
            <dd className="font-medium tabular-nums" data-testid="caps-hour-usage">
              {t("device.capsUsage", { sent: format.number(d.sentThisHour), cap: format.number(d.inForce.hourly) })}
            </dd>
          </div>
          <div className="rounded-lg border bg-muted/40 px-3 py-2">
            <dt className="text-xs text-muted-foreground">{t("device.capsSentToday")}</dt>
            <dd className="font-medium tabular-nums" data-testid="caps-day-usage">
              {t("device.capsUsage", { sent: format.number(d.sentToday), cap: format.number(d.inForce.daily) })}
            </dd>
          </div>
        </dl>
        {/* Keyed by the saved caps: a save (or another tab's) starts the fields from the stored values. */}
        <SendCapsForm key={`${d.hourlyCap}:${d.dailyCap}`} caps={d} />
      </CardContent>
    </Card>
  );
}

function SendCapsForm({ caps: d }: { caps: TSendCapsResponse }) {
  const t = useT();
  const format = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const deviceId = d.deviceId;
  const [hourly, setHourly] = useState(d.hourlyCap === null ? "" : String(d.hourlyCap));
  const [daily, setDaily] = useState(d.dailyCap === null ? "" : String(d.dailyCap));
  const [fieldErrors, setFieldErrors] = useState<{ hourly: string | null; daily: string | null }>({ hourly: null, daily: null });
  const save = useMutation(
    trpc.device.setSendCaps.mutationOptions({
      onSuccess: (data) => {
        queryClient.setQueryData(trpc.device.sendCaps.queryKey({ deviceId }), data);
        toast.success(t("device.capsSaved"));
      },
    }),
  );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const hourlyCap = parseCap(hourly);
    const dailyCap = parseCap(daily);
    const check = (cap: number | null | undefined, max: number) =>
      cap === undefined ? t("device.capsInvalid") : cap !== null && cap > max ? t("device.capsAboveMax", { max: format.number(max) }) : null;
    const next = { hourly: check(hourlyCap, d.maxima.hourly), daily: check(dailyCap, d.maxima.daily) };
    setFieldErrors(next);
    if (next.hourly || next.daily || hourlyCap === undefined || dailyCap === undefined) return;
    save.mutate({ deviceId, hourlyCap, dailyCap });
  };
  const hourlyHint = t("device.capsHint", { default: format.number(d.defaults.hourly), max: format.number(d.maxima.hourly) });
  const dailyHint = t("device.capsHint", { default: format.number(d.defaults.daily), max: format.number(d.maxima.daily) });
  return (
    <form className="grid gap-3" onSubmit={onSubmit} noValidate>
      <FormError message={save.error ? errorMessage(save.error, t) : null} />
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField id="caps-hourly" label={t("device.capsHourly")} error={fieldErrors.hourly} hint={hourlyHint}>
          <Input
            id="caps-hourly"
            inputMode="numeric"
            placeholder={String(d.defaults.hourly)}
            value={hourly}
            onChange={(e) => setHourly(e.target.value)}
            aria-invalid={Boolean(fieldErrors.hourly)}
            aria-describedby={fieldDescribedBy("caps-hourly", fieldErrors.hourly, hourlyHint)}
          />
        </FormField>
        <FormField id="caps-daily" label={t("device.capsDaily")} error={fieldErrors.daily} hint={dailyHint}>
          <Input
            id="caps-daily"
            inputMode="numeric"
            placeholder={String(d.defaults.daily)}
            value={daily}
            onChange={(e) => setDaily(e.target.value)}
            aria-invalid={Boolean(fieldErrors.daily)}
            aria-describedby={fieldDescribedBy("caps-daily", fieldErrors.daily, dailyHint)}
          />
        </FormField>
      </div>
      <div>
        <Button type="submit" loading={save.isPending}>
          {t("device.capsSave")}
        </Button>
      </div>
    </form>
  );
}
