"use client";

import { ConnectedDeviceField, RecipientPhoneField } from "@/components/messaging/recipient-fields";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Send, Smartphone } from "lucide-react";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { errorMessage, serverFieldErrors } from "@/components/errors/error-message";
import { SendResult } from "@/components/send/send-result";
import { useMessageStatus } from "@/components/send/use-message-status";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { FormError } from "@/components/ui/form-field";
import { Skeleton } from "@/components/ui/skeleton";
import { useT } from "@/i18n/provider";
import { useParsePhone } from "@/components/phone/phone-rule";
import { useTRPC } from "@/trpc/react";
import { renderLocally, TemplatePreview, TemplateVariableFields, usedVariables, type VariableValues } from "./template-preview";
import type { TemplateItem } from "./types";

type Field = "deviceId" | "to" | "variables";

/** Sends a template from one of the caller's connected devices and follows the message's status live. */
export function UseTemplateDialog({ template, open, onOpenChange }: { template: TemplateItem; open: boolean; onOpenChange: (open: boolean) => void }) {
  const t = useT();
  const parsePhone = useParsePhone();
  const trpc = useTRPC();
  const devices = useQuery(trpc.device.list.queryOptions({ connectedOnly: true, limit: 200 }, { enabled: open }));
  const [deviceId, setDeviceId] = useState("");
  const [to, setTo] = useState("");
  const [values, setValues] = useState<VariableValues>({});
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [triedSubmit, setTriedSubmit] = useState(false);
  const status = useMessageStatus();
  const send = useMutation(
    trpc.template.use.mutationOptions({
      onSuccess: (message) => status.track({ id: message.id, status: message.status, error: message.error }),
      onError: (error) => setErrors(serverFieldErrors(error)),
    }),
  );

  const connected = devices.data?.items ?? [];
  const selected = connected.some((d) => d.deviceId === deviceId) ? deviceId : (connected[0]?.deviceId ?? "");

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTriedSubmit(true);
    const next: Partial<Record<Field, string>> = {};
    if (!selected) next.deviceId = t("validation.required");
    const phone = parsePhone(to);
    if (!phone.ok) next.to = t("validation.phone");
    const rendered = renderLocally(template.body, values);
    if (!rendered.ok && rendered.malformed.length > 0) {
      next.variables = t("templates.malformed", { list: rendered.malformed.map((p) => p.text).join(", "), example: "{{name}}" });
    } else if (!rendered.ok) next.variables = t("templates.missing", { names: rendered.missing.map((n) => `{{${n}}}`).join(", ") });
    setErrors(next);
    if (Object.keys(next).length > 0 || !phone.ok) return;
    status.reset();
    send.mutate({ deviceId: selected, templateId: template.id, to: phone.e164, variables: usedVariables(template.body, values) });
  };

  const sendAnother = () => {
    status.reset();
    send.reset();
    setTo("");
    setTriedSubmit(false);
  };

  const bannerError = send.error && Object.keys(serverFieldErrors(send.error)).length === 0 ? errorMessage(send.error, t) : null;
  const tracked = status.tracked;

  return (
    <Dialog open={open} onOpenChange={(next) => !send.isPending && onOpenChange(next)}>
      <DialogContent closeLabel={t("common.close")} className="max-w-2xl">
        <DialogHeader>
          <DialogTitle>{t("templates.useTitle", { name: template.name })}</DialogTitle>
          <DialogDescription>{t("templates.useDescription")}</DialogDescription>
        </DialogHeader>
        {tracked && send.data ? (
          <div className="grid gap-4">
            <SendResult to={send.data.toJid} status={tracked.status} error={tracked.error} text={send.data.content} />
            <DialogFooter>
              <Button variant="outline" onClick={sendAnother}>
                {t("send.another")}
              </Button>
              <Button onClick={() => onOpenChange(false)}>{t("common.close")}</Button>
            </DialogFooter>
          </div>
        ) : devices.isPending ? (
          <div className="grid gap-3" aria-busy>
            <Skeleton className="h-9" />
            <Skeleton className="h-9" />
            <Skeleton className="h-24" />
          </div>
        ) : devices.isError ? (
          <FormError message={errorMessage(devices.error, t)} />
        ) : connected.length === 0 ? (
          <EmptyState
            icon={Smartphone}
            title={t("send.noConnected")}
            description={t("send.noConnectedBody")}
            className="border-none py-6"
            action={
              <Button asChild variant="outline">
                <Link href="/devices">{t("send.goToDevices")}</Link>
              </Button>
            }
          />
        ) : (
          <form onSubmit={onSubmit} noValidate className="grid gap-4">
            <FormError message={bannerError} />
            <div className="grid gap-4 sm:grid-cols-2">
              <ConnectedDeviceField
                id="use-device"
                label={t("send.device")}
                placeholder={t("send.devicePlaceholder")}
                devices={connected}
                value={selected}
                onChange={setDeviceId}
                error={errors.deviceId}
              />
              <RecipientPhoneField id="use-to" label={t("send.to")} hint={t("send.toHint")} value={to} onChange={setTo} error={errors.to} />
            </div>
            <fieldset className="grid gap-3">
              <legend className="mb-2 text-sm font-medium">{t("templates.variables")}</legend>
              <TemplateVariableFields body={template.body} values={values} onChange={setValues} showMissing={triedSubmit} idPrefix="use" />
            </fieldset>
            <TemplatePreview body={template.body} values={values} />
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => onOpenChange(false)} disabled={send.isPending}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" loading={send.isPending}>
                {send.isPending ? null : <Send aria-hidden />}
                {t("send.submit")}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
