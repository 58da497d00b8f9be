"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState, useSyncExternalStore } from "react";
import { toast } from "sonner";
import { errorMessage } from "@/components/errors/error-message";
import { browserTimeZone, timeZoneOptions } from "@/components/schedule/zoned-time";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { FormError, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";
import { useT } from "@/i18n/provider";
import { useTRPC, type RouterOutputs } from "@/trpc/react";
import { BusinessHoursEditor } from "./business-hours-editor";
import { ClosedDatesEditor } from "./closed-dates-editor";
import { fullWeek, hoursAreValid } from "./hours";
import { ReplyTextField } from "./reply-text-field";
import { TagInput } from "./tag-input";
import type { BotConfigDraft } from "./types";

type BotConfig = RouterOutputs["bot"]["getConfig"];

const noSubscribe = () => () => undefined;

function toDraft(config: BotConfig): BotConfigDraft {
  return {
    enabled: config.enabled,
    timezone: config.timezone,
    businessHours: { weekly: fullWeek(config.businessHours.weekly), closedDates: [...config.businessHours.closedDates].sort() },
    welcomeMessage: config.welcomeMessage ?? "",
    outOfHoursMessage: config.outOfHoursMessage ?? "",
    handoffKeywords: [...config.handoffKeywords],
    resumeKeywords: [...config.resumeKeywords],
    handoffTimeoutMin: config.handoffTimeoutMin,
    replyDelaySec: config.replyDelaySec,
    allowGroups: config.allowGroups,
  };
}

/** The bot's settings: loads once, edits a draft, and saves it all with one button. */
export function BotSettings({ deviceId }: { deviceId: string }) {
  const t = useT();
  const trpc = useTRPC();
  const config = useQuery(trpc.bot.getConfig.queryOptions({ deviceId }));
  if (config.isPending) {
    return (
      <div className="grid gap-6" aria-busy>
        <Skeleton className="h-40 rounded-xl" />
        <Skeleton className="h-96 rounded-xl" />
      </div>
    );
  }
  if (config.isError) {
    return <ErrorState title={t("common.loadError")} message={errorMessage(config.error, t)} retryLabel={t("common.retry")} onRetry={() => void config.refetch()} />;
  }
  // Keyed by the saved version: after a save (here or in another tab) the form starts again from the stored settings.
  return <BotSettingsForm key={String(config.data.updatedAt)} deviceId={deviceId} config={config.data} />;
}

function BotSettingsForm({ deviceId, config }: { deviceId: string; config: BotConfig }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const saved = useMemo(() => toDraft(config), [config]);
  const [draft, setDraft] = useState<BotConfigDraft>(saved);
  const [formError, setFormError] = useState<string | null>(null);
  const browserZone = useSyncExternalStore(noSubscribe, browserTimeZone, () => "");
  const zones = useMemo(() => timeZoneOptions(browserZone || draft.timezone).concat(draft.timezone).filter((z, i, all) => all.indexOf(z) === i), [browserZone, draft.timezone]);
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  const hoursValid = hoursAreValid(draft.businessHours);
  const set = <K extends keyof BotConfigDraft>(key: K, value: BotConfigDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const save = useMutation(
    trpc.bot.updateConfig.mutationOptions({
      onSuccess: async () => {
        setFormError(null);
        toast.success(t("bot.settings.saved"));
        await queryClient.invalidateQueries({ queryKey: trpc.bot.getConfig.queryKey({ deviceId }) });
      },
      onError: (error) => setFormError(errorMessage(error, t)),
    }),
  );
  const submit = () => {
    if (!hoursValid) {
      setFormError(t("bot.hours.fixProblems"));
      return;
    }
    save.mutate({
      deviceId,
      ...draft,
      businessHours: { weekly: draft.businessHours.weekly.filter((d) => d.intervals.length > 0), closedDates: draft.businessHours.closedDates },
      welcomeMessage: draft.welcomeMessage.trim() ? draft.welcomeMessage : null,
      outOfHoursMessage: draft.outOfHoursMessage.trim() ? draft.outOfHoursMessage : null,
    });
  };

  return (
    <form
      className="grid gap-6"
      data-testid="bot-settings"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Card>
        <CardHeader>
          <CardTitle>{t("bot.settings.generalTitle")}</CardTitle>
          <CardDescription>{t("bot.settings.generalBody")}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-5">
          <SwitchRow id="bot-enabled" label={t("bot.settings.enabled")} hint={t("bot.settings.enabledHint")} checked={draft.enabled} onChange={(v) => set("enabled", v)} />
          <div className="grid gap-5 sm:grid-cols-2">
            <FormField id="bot-timezone" label={t("bot.settings.timezone")} hint={t("bot.settings.timezoneHint")}>
              <Select value={draft.timezone} onValueChange={(v) => set("timezone", v)}>
                <SelectTrigger id="bot-timezone" aria-describedby="bot-timezone-hint">
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
            <FormField id="bot-delay" label={t("bot.settings.replyDelay")} hint={t("bot.settings.replyDelayHint")}>
              <Input
                id="bot-delay"
                type="number"
                inputMode="numeric"
                min={0}
                max={60}
                className="w-32"
                value={draft.replyDelaySec}
                aria-describedby="bot-delay-hint"
                onChange={(e) => set("replyDelaySec", Math.max(0, Math.round(Number(e.target.value) || 0)))}
              />
            </FormField>
          </div>
          <SwitchRow id="bot-groups" label={t("bot.settings.allowGroups")} hint={t("bot.settings.allowGroupsHint")} checked={draft.allowGroups} onChange={(v) => set("allowGroups", v)} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("bot.hours.title")}</CardTitle>
          <CardDescription>{t("bot.hours.body", { zone: draft.timezone.replaceAll("_", " ") })}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6">
          <BusinessHoursEditor value={draft.businessHours} onChange={(v) => set("businessHours", v)} />
          <ClosedDatesEditor value={draft.businessHours} onChange={(v) => set("businessHours", v)} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("bot.settings.messagesTitle")}</CardTitle>
          <CardDescription>{t("bot.settings.messagesBody")}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-5 lg:grid-cols-2">
          <ReplyTextField id="bot-welcome" label={t("bot.settings.welcome")} hint={t("bot.settings.welcomeHint")} value={draft.welcomeMessage} onChange={(v) => set("welcomeMessage", v)} maxLength={4096} />
          <ReplyTextField
            id="bot-out-of-hours"
            label={t("bot.settings.outOfHours")}
            hint={t("bot.settings.outOfHoursHint")}
            value={draft.outOfHoursMessage}
            onChange={(v) => set("outOfHoursMessage", v)}
            maxLength={4096}
          />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("bot.settings.handoffTitle")}</CardTitle>
          <CardDescription>{t("bot.settings.handoffBody")}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-5 sm:grid-cols-2">
          <FormField id="bot-handoff-keywords" label={t("bot.settings.handoffKeywords")} hint={t("bot.settings.keywordsHint")}>
            <TagInput
              id="bot-handoff-keywords"
              value={draft.handoffKeywords}
              onChange={(v) => set("handoffKeywords", v)}
              placeholder={t("bot.settings.handoffPlaceholder")}
              removeLabel={(tag) => t("bot.settings.removeKeyword", { keyword: tag })}
              describedBy="bot-handoff-keywords-hint"
              maxLength={100}
            />
          </FormField>
          <FormField id="bot-resume-keywords" label={t("bot.settings.resumeKeywords")} hint={t("bot.settings.keywordsHint")}>
            <TagInput
              id="bot-resume-keywords"
              value={draft.resumeKeywords}
              onChange={(v) => set("resumeKeywords", v)}
              placeholder={t("bot.settings.resumePlaceholder")}
              removeLabel={(tag) => t("bot.settings.removeKeyword", { keyword: tag })}
              describedBy="bot-resume-keywords-hint"
              maxLength={100}
            />
          </FormField>
          <FormField id="bot-timeout" label={t("bot.settings.timeout")} hint={t("bot.settings.timeoutHint")}>
            <Input
              id="bot-timeout"
              type="number"
              inputMode="numeric"
              min={1}
              className="w-32"
              value={draft.handoffTimeoutMin}
              aria-describedby="bot-timeout-hint"
              onChange={(e) => set("handoffTimeoutMin", Math.max(1, Math.round(Number(e.target.value) || 1)))}
            />
          </FormField>
        </CardContent>
      </Card>

      <div className="sticky bottom-0 z-10 -mx-4 flex flex-col gap-2 border-t bg-background/95 px-4 py-3 backdrop-blur sm:-mx-6 sm:flex-row sm:items-center sm:px-6">
        <div className="min-w-0 flex-1">
          <FormError message={formError} />
          {!formError ? <p className="text-sm text-muted-foreground">{dirty ? t("bot.settings.unsaved") : t("bot.settings.allSaved")}</p> : null}
        </div>
        <div className="flex gap-2">
          <Button type="button" variant="outline" disabled={!dirty || save.isPending} onClick={() => {
              setDraft(saved);
              setFormError(null);
            }}>
            {t("bot.settings.discard")}
          </Button>
          <Button type="submit" loading={save.isPending} disabled={!dirty}>
            {t("common.save")}
          </Button>
        </div>
      </div>
    </form>
  );
}

function SwitchRow({ id, label, hint, checked, onChange }: { id: string; label: string; hint: string; checked: boolean; onChange: (value: boolean) => void }) {
  return (
    <div className="flex items-start gap-3">
      <Switch id={id} checked={checked} onCheckedChange={onChange} aria-describedby={`${id}-hint`} className="mt-0.5" />
      <div className="grid gap-1">
        <Label htmlFor={id}>{label}</Label>
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      </div>
    </div>
  );
}
