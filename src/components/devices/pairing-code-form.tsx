"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { errorMessage } from "@/components/errors/error-message";
import { useLiveEvent } from "@/components/live/live-events-provider";
import { Button } from "@/components/ui/button";
import { fieldDescribedBy, FormError, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useT } from "@/i18n/provider";
import { useParsePhone } from "@/components/phone/phone-rule";
import { useTRPC } from "@/trpc/react";

/** "Use a pairing code instead": enter the phone's number, show the 8-character code to type on it. */
export function PairingCodeForm({ deviceId }: { deviceId: string }) {
  const t = useT();
  const parsePhone = useParsePhone();
  const trpc = useTRPC();
  const [phone, setPhone] = useState("");
  const [phoneError, setPhoneError] = useState<string | null>(null);
  const [code, setCode] = useState<string | null>(null);
  const request = useMutation(trpc.device.pairingCode.mutationOptions({ onSuccess: (result) => setCode(result.code) }));

  useLiveEvent("device.pairingCode", (event) => {
    if (event.data.deviceId === deviceId) setCode(event.data.code);
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parsePhone(phone);
    if (!parsed.ok) {
      setPhoneError(t("validation.phone"));
      return;
    }
    setPhoneError(null);
    request.mutate({ deviceId, phoneNumber: phone.trim() });
  };

  if (code) {
    const pretty = code.length === 8 ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
    return (
      <div className="grid gap-3 text-center">
        <p className="text-sm font-medium">{t("device.pairingCodeTitle")}</p>
        <p className="rounded-lg border bg-muted/60 px-4 py-3 font-mono text-3xl font-semibold tracking-[0.2em]" data-testid="pairing-code">
          {pretty}
        </p>
        <p className="text-sm text-muted-foreground">{t("device.pairingCodeSteps")}</p>
      </div>
    );
  }

  return (
    <form className="grid w-full gap-3" onSubmit={onSubmit} noValidate>
      <FormError message={request.error ? errorMessage(request.error, t) : null} />
      <FormField id="pairing-phone" label={t("device.pairingPhone")} error={phoneError} hint={t("device.pairingPhoneHint")}>
        <Input
          id="pairing-phone"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          placeholder="+62 812 3456 7890"
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          aria-invalid={Boolean(phoneError)}
          aria-describedby={fieldDescribedBy("pairing-phone", phoneError, t("device.pairingPhoneHint"))}
        />
      </FormField>
      <Button type="submit" loading={request.isPending}>
        {t("device.getCode")}
      </Button>
    </form>
  );
}
