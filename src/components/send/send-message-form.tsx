"use client";

import { ConnectedDeviceField, RecipientPhoneField } from "@/components/messaging/recipient-fields";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Send, Smartphone } from "lucide-react";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { errorMessage, serverFieldErrors } from "@/components/errors/error-message";
import { TemplatePickerButton } from "@/components/templates/template-picker-dialog";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardFooter } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { fieldDescribedBy, FormError, FormField } from "@/components/ui/form-field";
import { Skeleton } from "@/components/ui/skeleton";
import { Textarea } from "@/components/ui/textarea";
import { useT } from "@/i18n/provider";
import { parsePhone } from "@/lib/phone";
import { useTRPC } from "@/trpc/react";
import { SendResult } from "./send-result";
import { useMessageStatus } from "./use-message-status";

type Field = "deviceId" | "to" | "text";

export function SendMessageForm() {
  const t = useT();
  const trpc = useTRPC();
  const devices = useQuery(trpc.device.list.queryOptions({ connectedOnly: true, limit: 200 }));
  const [deviceId, setDeviceId] = useState("");
  const [to, setTo] = useState("");
  const [text, setText] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const status = useMessageStatus();
  const send = useMutation(
    trpc.message.sendText.mutationOptions({
      onSuccess: (message) => {
        status.track({ id: message.id, status: message.status, error: message.error });
        setText("");
      },
      onError: (error) => setErrors(serverFieldErrors(error)),
    }),
  );

  const connected = devices.data?.items ?? [];
  // Default to the first connected device; a chosen device that went offline falls back the same way.
  const selected = connected.some((d) => d.deviceId === deviceId) ? deviceId : (connected[0]?.deviceId ?? "");

  if (devices.isPending) {
    return (
      <Card>
        <CardContent className="grid gap-4 p-5">
          <Skeleton className="h-9" />
          <Skeleton className="h-9" />
          <Skeleton className="h-28" />
        </CardContent>
      </Card>
    );
  }
  if (devices.isError) {
    return <ErrorState title={t("common.loadError")} message={errorMessage(devices.error, t)} retryLabel={t("common.retry")} onRetry={() => void devices.refetch()} />;
  }
  if (connected.length === 0 && !status.tracked) {
    return (
      <EmptyState
        icon={Smartphone}
        title={t("send.noConnected")}
        description={t("send.noConnectedBody")}
        action={
          <Button asChild variant="outline">
            <Link href="/devices">{t("send.goToDevices")}</Link>
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
    setErrors(next);
    if (Object.keys(next).length > 0 || !phone.ok) return;
    status.reset();
    // The server normalises the number with its configured default country; the check above only catches typos early.
    send.mutate({ deviceId: selected, to: to.trim(), text });
  };

  const bannerError = send.error && Object.keys(serverFieldErrors(send.error)).length === 0 ? errorMessage(send.error, t) : null;

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] lg:items-start">
      <Card>
        <form onSubmit={onSubmit} noValidate>
          <CardContent className="grid gap-4 p-5">
            <FormError message={bannerError} />
            <ConnectedDeviceField
              id="deviceId"
              label={t("send.device")}
              placeholder={t("send.devicePlaceholder")}
              devices={connected}
              value={selected}
              onChange={setDeviceId}
              error={errors.deviceId}
            />
            <RecipientPhoneField id="to" label={t("send.to")} hint={t("send.toHint")} value={to} onChange={setTo} error={errors.to} />
            <FormField id="text" label={t("send.message")} error={errors.text} hint={t("send.characters", { count: text.length })}>
              <Textarea
                id="text"
                rows={5}
                placeholder={t("send.messagePlaceholder")}
                value={text}
                onChange={(e) => setText(e.target.value)}
                aria-invalid={Boolean(errors.text)}
                aria-describedby={fieldDescribedBy("text", errors.text, t("send.characters", { count: text.length }))}
              />
            </FormField>
          </CardContent>
          <CardFooter className="justify-between">
            <TemplatePickerButton onInsert={(rendered) => setText(rendered)} />
            <Button type="submit" loading={send.isPending}>
              {send.isPending ? null : <Send aria-hidden />}
              {t("send.submit")}
            </Button>
          </CardFooter>
        </form>
      </Card>
      {status.tracked && send.data ? <SendResult to={send.data.toJid} status={status.tracked.status} error={status.tracked.error} text={send.data.content} /> : null}
    </div>
  );
}
