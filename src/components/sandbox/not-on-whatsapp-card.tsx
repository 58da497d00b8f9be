"use client";

import { PhoneOff, X } from "lucide-react";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { errorMessage } from "@/components/errors/error-message";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { FormError } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { useT } from "@/i18n/provider";
import { useClearNotOnWhatsApp, useMarkNotOnWhatsApp, useNotOnWhatsApp } from "./use-sandbox";

/** Numbers that have no WhatsApp account: sends to them fail with that reason, so the failure can be rehearsed. */
export function NotOnWhatsAppCard() {
  const t = useT();
  const numbers = useNotOnWhatsApp();
  const mark = useMarkNotOnWhatsApp();
  const clear = useClearNotOnWhatsApp();
  const [phone, setPhone] = useState("");

  const onAdd = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!phone.trim()) return;
    mark.mutate(
      { phone },
      {
        onSuccess: (added) => {
          toast.success(t("sandboxPhones.absentAdded", { phone: added.phone }));
          setPhone("");
        },
      },
    );
  };

  return (
    <Card data-testid="not-on-whatsapp">
      <CardHeader>
        <CardTitle>{t("sandboxPhones.absentTitle")}</CardTitle>
        <CardDescription>{t("sandboxPhones.absentDescription")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        {numbers.isPending ? (
          <Skeleton className="h-9" />
        ) : numbers.isError ? (
          <ErrorState title={t("common.loadError")} message={errorMessage(numbers.error, t)} retryLabel={t("common.retry")} onRetry={() => void numbers.refetch()} />
        ) : numbers.data.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("sandboxPhones.absentEmpty")}</p>
        ) : (
          <ul className="grid gap-1">
            {numbers.data.map((n) => (
              <li key={n} className="flex items-center justify-between gap-2 rounded-md bg-muted/60 py-1 pr-1 pl-3">
                <span className="flex items-center gap-2 font-mono text-sm">
                  <PhoneOff className="size-3.5 text-muted-foreground" aria-hidden />+{n}
                </span>
                <Button
                  variant="ghost"
                  size="icon"
                  className="size-8"
                  aria-label={t("sandboxPhones.absentRemove", { phone: n })}
                  title={t("sandboxPhones.absentRemove", { phone: n })}
                  onClick={() => clear.mutate({ phone: n })}
                >
                  <X aria-hidden />
                </Button>
              </li>
            ))}
          </ul>
        )}
        <form onSubmit={onAdd} className="grid gap-2 border-t pt-3" noValidate>
          <FormError message={mark.error ? errorMessage(mark.error, t) : clear.error ? errorMessage(clear.error, t) : null} />
          <div className="flex gap-2">
            <Input
              aria-label={t("sandboxPhones.absentPhone")}
              placeholder="0812 3456 7890"
              inputMode="tel"
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
            />
            <Button type="submit" variant="outline" loading={mark.isPending}>
              {t("sandboxPhones.absentAdd")}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
