"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { errorMessage, serverFieldErrors } from "@/components/errors/error-message";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { fieldDescribedBy, FormError, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import { useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { WEBHOOK_EVENTS, type WebhookItem } from "./types";

const URL_MAX = 2048;
const DESCRIPTION_MAX = 200;
type Field = "url" | "description" | "events" | "deviceIds";

/** Create an endpoint (then its secret is shown once) or edit one: URL, events, devices, enabled. */
export function WebhookDialog({
  webhook,
  open,
  onOpenChange,
  onCreated,
}: {
  webhook?: WebhookItem;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: (secret: string, id: number) => void;
}) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const devices = useQuery(trpc.device.list.queryOptions({ limit: 200 }));
  const [url, setUrl] = useState(webhook?.url ?? "");
  const [description, setDescription] = useState(webhook?.description ?? "");
  const [events, setEvents] = useState<string[]>(webhook?.events ?? ["message.received"]);
  const [deviceIds, setDeviceIds] = useState<string[]>(webhook?.deviceIds ?? []);
  const [enabled, setEnabled] = useState(webhook?.enabled ?? true);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.webhook.pathKey() });
  const create = useMutation(
    trpc.webhook.create.mutationOptions({
      onSuccess: (result) => {
        toast.success(t("webhooks.created"));
        refresh();
        onOpenChange(false);
        onCreated(result.secret, result.endpoint.id);
      },
      onError: (error) => setErrors(serverFieldErrors(error)),
    }),
  );
  const update = useMutation(
    trpc.webhook.update.mutationOptions({
      onSuccess: () => {
        toast.success(t("webhooks.updated"));
        refresh();
        onOpenChange(false);
      },
      onError: (error) => setErrors(serverFieldErrors(error)),
    }),
  );
  const mutation = webhook ? update : create;

  const toggle = (list: string[], value: string, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: Partial<Record<Field, string>> = {};
    if (url.trim().length === 0) next.url = t("validation.required");
    else if (url.trim().length > URL_MAX) next.url = t("validation.maxChars", { max: URL_MAX });
    if (description.trim().length > DESCRIPTION_MAX) next.description = t("validation.maxChars", { max: DESCRIPTION_MAX });
    if (events.length === 0) next.events = t("webhooks.eventsHint");
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    const fields = {
      url: url.trim(),
      description: description.trim(),
      events: events as Array<(typeof WEBHOOK_EVENTS)[number]>,
      deviceIds: deviceIds.length > 0 ? deviceIds : null,
      enabled,
    };
    if (webhook) update.mutate({ webhookId: webhook.id, ...fields });
    else create.mutate(fields);
  };

  const bannerError = mutation.error && Object.keys(serverFieldErrors(mutation.error)).length === 0 ? errorMessage(mutation.error, t) : null;

  return (
    <Dialog open={open} onOpenChange={(next) => !mutation.isPending && onOpenChange(next)}>
      <DialogContent closeLabel={t("common.close")} className="max-w-2xl">
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{webhook ? t("webhooks.editTitle") : t("webhooks.createTitle")}</DialogTitle>
            <DialogDescription>{webhook ? t("webhooks.editDescription") : t("webhooks.createDescription")}</DialogDescription>
          </DialogHeader>
          <FormError message={bannerError} />
          <FormField id="webhook-url" label={t("webhooks.url")} error={errors.url}>
            <Input
              id="webhook-url"
              type="url"
              inputMode="url"
              value={url}
              placeholder={t("webhooks.urlPlaceholder")}
              onChange={(e) => setUrl(e.target.value)}
              aria-invalid={Boolean(errors.url)}
              aria-describedby={fieldDescribedBy("webhook-url", errors.url)}
            />
          </FormField>
          <FormField id="webhook-description" label={t("webhooks.descriptionLabel")} error={errors.description}>
            <Input
              id="webhook-description"
              value={description}
              placeholder={t("webhooks.descriptionPlaceholder")}
              onChange={(e) => setDescription(e.target.value)}
              aria-invalid={Boolean(errors.description)}
              aria-describedby={fieldDescribedBy("webhook-description", errors.description)}
            />
          </FormField>
          <fieldset className="grid gap-2">
            <legend className="mb-1 text-sm font-medium">{t("webhooks.events")}</legend>
            <div className="grid gap-2 sm:grid-cols-2">
              {WEBHOOK_EVENTS.map((name) => (
                <label key={name} className="flex items-center gap-2 font-mono text-[13px]">
                  <input type="checkbox" className="size-4 accent-primary" checked={events.includes(name)} onChange={(e) => setEvents(toggle(events, name, e.target.checked))} />
                  {name}
                </label>
              ))}
            </div>
            <p className={errors.events ? "text-xs font-medium text-destructive" : "text-xs text-muted-foreground"}>{errors.events ?? t("webhooks.eventsHint")}</p>
          </fieldset>
          <fieldset className="grid gap-2">
            <legend className="mb-1 text-sm font-medium">{t("webhooks.devices")}</legend>
            <div className="grid max-h-40 gap-2 overflow-y-auto sm:grid-cols-2">
              {(devices.data?.items ?? []).map((device) => (
                <label key={device.deviceId} className="flex min-w-0 items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    className="size-4 shrink-0 accent-primary"
                    checked={deviceIds.includes(device.deviceId)}
                    onChange={(e) => setDeviceIds(toggle(deviceIds, device.deviceId, e.target.checked))}
                  />
                  <span className="truncate">{device.deviceName}</span>
                </label>
              ))}
            </div>
            <p className={errors.deviceIds ? "text-xs font-medium text-destructive" : "text-xs text-muted-foreground"}>{errors.deviceIds ?? t("webhooks.devicesHint")}</p>
          </fieldset>
          <label className="flex items-center gap-3 text-sm">
            <Switch checked={enabled} onCheckedChange={setEnabled} aria-label={t("webhooks.enabled")} />
            {enabled ? t("webhooks.enabled") : t("webhooks.disabled")}
          </label>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)} disabled={mutation.isPending}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {webhook ? t("common.save") : t("webhooks.create")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
