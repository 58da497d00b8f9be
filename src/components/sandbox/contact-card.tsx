"use client";

import { useQuery } from "@tanstack/react-query";
import { Send } from "lucide-react";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { errorMessage } from "@/components/errors/error-message";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormError, FormField } from "@/components/ui/form-field";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { useSandboxSendText, useSetReceipts, type ReceiptMode } from "./use-sandbox";

/** The selected account plays a contact: it writes to a connected device and decides how it acknowledges. */
export function ContactCard({ phone }: { phone: string }) {
  const t = useT();
  const trpc = useTRPC();
  const connected = useQuery(trpc.device.list.queryOptions({ connectedOnly: true, limit: 200 }));
  const targets = (connected.data?.items ?? []).filter((d) => d.phoneNumber);
  const [to, setTo] = useState("");
  const [text, setText] = useState("");
  const [mode, setMode] = useState<ReceiptMode>("read");
  const send = useSandboxSendText();
  const receipts = useSetReceipts();
  const chosen = targets.some((d) => d.phoneNumber === to) ? to : (targets[0]?.phoneNumber ?? "");

  const onSend = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!chosen || !text.trim()) return;
    send.mutate(
      { from: phone, to: chosen.replace(/\D/g, ""), text },
      {
        onSuccess: () => {
          toast.success(t("sandbox.sentAsContact"));
          setText("");
        },
      },
    );
  };

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("sandbox.writeTitle")}</CardTitle>
        <CardDescription>{t("sandbox.writeDescription")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <form className="grid gap-3" onSubmit={onSend} noValidate>
          <FormError message={send.error ? errorMessage(send.error, t) : receipts.error ? errorMessage(receipts.error, t) : null} />
          <FormField id="sandbox-to" label={t("sandbox.to")}>
            <Select value={chosen} onValueChange={setTo} disabled={targets.length === 0}>
              <SelectTrigger id="sandbox-to">
                <SelectValue placeholder={t("send.noConnected")} />
              </SelectTrigger>
              <SelectContent>
                {targets.map((d) => (
                  <SelectItem key={d.deviceId} value={d.phoneNumber ?? ""}>
                    {d.deviceName} · {d.phoneNumber}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </FormField>
          <FormField id="sandbox-text" label={t("sandbox.text")}>
            <Textarea id="sandbox-text" rows={3} value={text} onChange={(e) => setText(e.target.value)} />
          </FormField>
          <Button type="submit" loading={send.isPending} disabled={!chosen}>
            {send.isPending ? null : <Send aria-hidden />}
            {t("sandbox.send")}
          </Button>
        </form>
        <FormField id="sandbox-receipts" label={t("sandbox.receiptMode")} className="border-t pt-4">
          <Select
            value={mode}
            onValueChange={(value) => {
              const next = value as ReceiptMode;
              setMode(next);
              receipts.mutate({ phone, mode: next });
            }}
          >
            <SelectTrigger id="sandbox-receipts">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value="read">{t("sandbox.receiptRead")}</SelectItem>
              <SelectItem value="delivered">{t("sandbox.receiptDelivered")}</SelectItem>
              <SelectItem value="none">{t("sandbox.receiptNone")}</SelectItem>
            </SelectContent>
          </Select>
        </FormField>
      </CardContent>
    </Card>
  );
}
