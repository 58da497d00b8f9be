"use client";

import { ConnectedDeviceField, RecipientPhoneField } from "@/components/messaging/recipient-fields";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CalendarClock, Smartphone } from "lucide-react";
import Link from "next/link";
import { useMemo, useState, useSyncExternalStore, type FormEvent } from "react";
import { toast } from "sonner";
import { errorMessage } from "@/components/errors/error-message";
import { MediaAttachmentField, MediaOptionSwitch } from "@/components/media/media-attachment-field";
import { useMediaAttachment, type UploadedMedia } from "@/components/media/use-media-upload";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { fieldDescribedBy, FormError, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Textarea } from "@/components/ui/textarea";
import { useLocale, useT, usePlural } from "@/i18n/provider";
import { MAX_CAPTION_LENGTH } from "@/lib/media/media-kinds";
import { useParsePhone } from "@/components/phone/phone-rule";
import { useTRPC } from "@/trpc/react";
import { formatInZone } from "./format";
import { scheduleErrors, type ScheduleField as Field } from "./schedule-errors";
import { browserTimeZone, timeZoneOptions, zonedInstant } from "./zoned-time";

const PAST_TOLERANCE_MS = 60_000;
const MAX_AHEAD_MS = 366 * 24 * 3600_000;

const noSubscribe = () => () => undefined;

/** The browser's zone after hydration ("" while rendering on the server, so the markup matches). */
function useBrowserTimeZone(): string {
  return useSyncExternalStore(noSubscribe, browserTimeZone, () => "");
}

/**
 * Schedules a message from one of the caller's connected devices at a wall-clock time in a chosen time zone. A file
 * may be attached: it uploads at once, the text becomes its optional caption (none for audio), and photos and videos
 * can go as documents. Voice notes are not offered: the server does not schedule them.
 */
export function ScheduleForm() {
  const t = useT();
  const plural = usePlural();
  const parsePhone = useParsePhone();
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
  const [asDocument, setAsDocument] = useState(false);
  const [waitingForUpload, setWaitingForUpload] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const attachment = useMediaAttachment();
  const timezone = zone ?? browserZone;

  const schedule = useMutation(
    trpc.message.schedule.mutationOptions({
      onSuccess: (row, sent) => {
        toast.success(t("schedule.scheduled", { time: formatInZone(row.scheduleTime, row.timezone, locale) }));
        // Text that did not go (typed before attaching audio) stays, to be scheduled on its own.
        if (sent.text) setText("");
        setWhen("");
        attachment.clear();
        setAsDocument(false);
        void queryClient.invalidateQueries({ queryKey: trpc.message.scheduled.pathKey() });
      },
      onError: (error) => setErrors(scheduleErrors(error, t).fields),
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

  const { kind } = attachment;
  const withFile = attachment.state !== null;
  const captionAllowed = kind !== "audio";

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: Partial<Record<Field, string>> = {};
    if (!selected) next.deviceId = t("validation.required");
    const phone = parsePhone(to);
    if (!phone.ok) next.to = t("validation.phone");
    if (!withFile && text.trim().length === 0) next.text = t("validation.required");
    if (withFile && captionAllowed && text.length > MAX_CAPTION_LENGTH) next.text = t("validation.maxChars", { max: MAX_CAPTION_LENGTH });
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
    // A refused or failed upload already explains itself under the file field.
    if (Object.keys(next).length > 0 || !phone.ok || attachment.state?.phase === "error") return;
    const base = { deviceId: selected, to: phone.e164, scheduleTime: when.trim(), timezone };
    if (!withFile) {
      schedule.mutate({ ...base, text });
      return;
    }
    setWaitingForUpload(true);
    let media: UploadedMedia;
    try {
      media = await attachment.ready();
    } catch {
      return;
    } finally {
      setWaitingForUpload(false);
    }
    const visual = media.kind === "image" || media.kind === "video";
    // Audio goes without a caption (the server refuses one); the text stays in the field.
    schedule.mutate({ ...base, text: media.kind === "audio" ? "" : text, mediaId: media.id, sendAs: visual && asDocument ? "document" : "auto" });
  };

  const bannerError = schedule.error ? scheduleErrors(schedule.error, t).banner : null;
  const textHint = withFile ? t("media.captionCount", { count: text.length, max: MAX_CAPTION_LENGTH }) : plural("schedule.characters", text.length);
  const submitting = schedule.isPending || waitingForUpload;
  // A new or removed file makes a server verdict on the previous one stale.
  const onFileChange = () => setErrors(({ file: _file, text: _text, ...rest }) => rest);

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("schedule.formTitle")}</CardTitle>
      </CardHeader>
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label={t("schedule.formTitle")}>
        {/* Select triggers may shrink below their text (it truncates): a long device name must not widen the card on phones. */}
        <CardContent className="grid gap-4 [&_[role=combobox]]:min-w-0">
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
          {captionAllowed ? (
            <FormField id="text" label={withFile ? t("schedule.captionOptional") : t("schedule.message")} error={errors.text} hint={textHint}>
              <Textarea
                id="text"
                rows={withFile ? 3 : 4}
                placeholder={withFile ? t("media.captionPlaceholder") : t("schedule.messagePlaceholder")}
                value={text}
                onChange={(e) => setText(e.target.value)}
                aria-invalid={Boolean(errors.text)}
                aria-describedby={fieldDescribedBy("text", errors.text, textHint)}
              />
            </FormField>
          ) : (
            <div className="grid gap-1 rounded-md border border-dashed px-3 py-2 text-sm text-muted-foreground" data-testid="media-no-caption" role="note">
              <p>{t("media.noCaptionAudio")}</p>
              {text.trim() ? <p className="text-xs">{t("schedule.audioTextNotSent")}</p> : null}
            </div>
          )}
          <MediaAttachmentField id="schedule-file" label={t("schedule.file")} attachment={attachment} error={errors.file} compact onChange={onFileChange} />
          {kind === "image" || kind === "video" ? (
            <MediaOptionSwitch
              id="schedule-as-document"
              label={t("media.sendAsDocument")}
              hint={t("media.sendAsDocumentHint")}
              checked={asDocument}
              onCheckedChange={setAsDocument}
            />
          ) : null}
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
          <Button type="submit" loading={submitting}>
            {submitting ? null : <CalendarClock aria-hidden />}
            {t("schedule.submit")}
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
