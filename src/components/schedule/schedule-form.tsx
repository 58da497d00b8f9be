"use client";

import { ConnectedDeviceField, RecipientPhoneField } from "@/components/messaging/recipient-fields";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CalendarClock, Smartphone } from "lucide-react";
import Link from "next/link";
import { useMemo, useState, useSyncExternalStore, type FormEvent } from "react";
import { toast } from "sonner";
import { errorMessage, serverFieldErrors } from "@/components/errors/error-message";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { fieldDescribedBy, FormError, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Textarea } from "@/components/ui/textarea";
import { useLocale, useT } from "@/i18n/provider";
import { parsePhone } from "@/lib/phone";
import { useTRPC } from "@/trpc/react";
import { formatInZone } from "./format";
import { browserTimeZone, timeZoneOptions, zonedInstant } from "./zoned-time";

type Field = "deviceId" | "to" | "text" | "scheduleTime" | "timezone";

const PAST_TOLERANCE_MS = 60_000;
const MAX_AHEAD_MS = 366 * 24 * 3600_000;

const noSubscribe = () => () => undefined;

/** The browser's zone after hydration ("" while rendering on the server, so the markup matches). */
function useBrowserTimeZone(): string {
  return useSyncExternalStore(noSubscribe, browserTimeZone, () => "");
}

/** Schedules a text from one of the caller's connected devices at a wall-clock time in a chosen time zone. */
export function ScheduleForm() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const devices = useQuery(trpc.device.list.queryOptions({ connectedOnly: true, limit: 200 }));
  const browserZone = useBrowserTimeZone();
  const zones = useMemo(() => (browserZone ? timeZoneOptions(browserZone) : []), [browserZone]);
  const [deviceId, setDeviceId] = useState("");
  const [to, setTo] = useState("");
  const [text, setText] = useState("");
  const [when, setWhen] = useState("");
  const [zone, setZone] = useState<string | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const timezone = zone ?? browserZone;

  const schedule = useMutation(
    trpc.message.schedule.mutationOptions({
      onSuccess: (row) => {
        toast.success(t("schedule.scheduled", { time: formatInZone(row.scheduleTime, row.timezone, locale) }));
        setText("");
        setWhen("");
        void queryClient.invalidateQueries({ queryKey: trpc.message.scheduled.pathKey() });
      },
      onError: (error) => setErrors(serverFieldErrors(error)),
    }),
  );

  const connected = devices.data?.items ?? [];
  const selected = connected.some((d) => d.deviceId === deviceId) ? deviceId : (connected[0]?.deviceId ?? "");

  if (devices.isPending) {
    return (
      <Card>
        <CardContent className="grid gap-4 p-5">
          <Skeleton className="h-9" />
          <Skeleton className="h-9" />
          <Skeleton className="h-28" />
          <Skeleton className="h-9" />
        </CardContent>
      </Card>
    );
  }
  if (devices.isError) {
    return <ErrorState title={t("common.loadError")} message={errorMessage(devices.error, t)} retryLabel={t("common.retry")} onRetry={() => void devices.refetch()} />;
  }
  if (connected.length === 0) {
    return (
      <EmptyState
        icon={Smartphone}
        title={t("schedule.noConnected")}
        description={t("schedule.noConnectedBody")}
        action={
          <Button asChild variant="outline">
            <Link href="/devices">{t("schedule.goToDevices")}</Link>
          </Button>
        }
      />
    );
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: Partial<Record<Field, string>> = {};
    if (!selected) next.deviceId = t("validation.required");
    const phone = parsePhone(to);
    if (!phone.ok) next.to = t("validation.phone");
    if (text.trim().length === 0) next.text = t("validation.required");
    if (!timezone) next.timezone = t("schedule.errors.timezoneRequired");
    if (!when.trim()) {
      next.scheduleTime = t("schedule.errors.whenRequired");
    } else if (timezone) {
      const at = zonedInstant(when, timezone);
      const now = Date.now();
      if (!at) next.scheduleTime = t("schedule.errors.whenInvalid");
      else if (at.getTime() < now - PAST_TOLERANCE_MS) next.scheduleTime = t("schedule.errors.whenPast");
      else if (at.getTime() > now + MAX_AHEAD_MS) next.scheduleTime = t("schedule.errors.whenTooFar");
    }
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    schedule.mutate({ deviceId: selected, to: to.trim(), text, scheduleTime: when.trim(), timezone });
  };

  const bannerError = schedule.error && Object.keys(serverFieldErrors(schedule.error)).length === 0 ? errorMessage(schedule.error, t) : null;
  const charCount = t("schedule.characters", { count: text.length });

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("schedule.formTitle")}</CardTitle>
      </CardHeader>
      <form onSubmit={onSubmit} noValidate aria-label={t("schedule.formTitle")}>
        <CardContent className="grid gap-4">
          <FormError message={bannerError} />
          <div className="grid gap-4 sm:grid-cols-2">
            <ConnectedDeviceField
              id="deviceId"
              label={t("schedule.device")}
              placeholder={t("schedule.devicePlaceholder")}
              devices={connected}
              value={selected}
              onChange={setDeviceId}
              error={errors.deviceId}
            />
            <RecipientPhoneField id="to" label={t("schedule.to")} hint={t("schedule.toHint")} value={to} onChange={setTo} error={errors.to} />
          </div>
          <FormField id="text" label={t("schedule.message")} error={errors.text} hint={charCount}>
            <Textarea
              id="text"
              rows={4}
              placeholder={t("schedule.messagePlaceholder")}
              value={text}
              onChange={(e) => setText(e.target.value)}
              aria-invalid={Boolean(errors.text)}
              aria-describedby={fieldDescribedBy("text", errors.text, charCount)}
            />
          </FormField>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField id="scheduleTime" label={t("schedule.when")} error={errors.scheduleTime} hint={t("schedule.whenHint")}>
              <Input
                id="scheduleTime"
                type="datetime-local"
                value={when}
                onChange={(e) => setWhen(e.target.value)}
                aria-invalid={Boolean(errors.scheduleTime)}
                aria-describedby={fieldDescribedBy("scheduleTime", errors.scheduleTime, t("schedule.whenHint"))}
              />
            </FormField>
            <FormField id="timezone" label={t("schedule.timezone")} error={errors.timezone} hint={t("schedule.timezoneHint")}>
              <Select value={timezone} onValueChange={setZone}>
                <SelectTrigger
                  id="timezone"
                  aria-invalid={Boolean(errors.timezone)}
                  aria-describedby={fieldDescribedBy("timezone", errors.timezone, t("schedule.timezoneHint"))}
                >
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  {zones.map((z) => (
                    <SelectItem key={z} value={z}>
                      {z.replaceAll("_", " ")}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            </FormField>
          </div>
        </CardContent>
        <CardFooter className="justify-end">
          <CardDescription className="mr-auto hidden sm:block">{timezone ? timezone.replaceAll("_", " ") : null}</CardDescription>
          <Button type="submit" loading={schedule.isPending}>
            {schedule.isPending ? null : <CalendarClock aria-hidden />}
            {t("schedule.submit")}
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
