"use client";

import { toast } from "sonner";
import { errorMessage } from "@/components/errors/error-message";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormError, FormField } from "@/components/ui/form-field";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import { useT } from "@/i18n/provider";
import { useSandboxAccounts, useSetOnline, useSetReceipts, type ReceiptMode } from "./use-sandbox";

/** How the selected phone treats messages from devices: receipts it sends, and whether it is online to take them. */
export function PhoneBehaviourCard({ phone }: { phone: string }) {
  const t = useT();
  const accounts = useSandboxAccounts();
  const receipts = useSetReceipts();
  const presence = useSetOnline();
  const account = accounts.data?.find((a) => a.phone === phone);
  if (!account) return null;

  const setOnline = (online: boolean) =>
    presence.mutate(
      { phone, online },
      { onSuccess: () => toast.success(t(online ? "sandboxPhones.wentOnline" : "sandboxPhones.wentOffline", { phone })) },
    );
  const failure = receipts.error ?? presence.error;

  return (
    <Card data-testid="phone-behaviour">
      <CardHeader>
        <CardTitle>{t("sandboxPhones.behaviourTitle")}</CardTitle>
        <CardDescription>{t("sandboxPhones.behaviourDescription")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <FormError message={failure ? errorMessage(failure, t) : null} />
        <FormField id="sandbox-receipts" label={t("sandbox.receiptMode")}>
          <Select value={account.receipts} onValueChange={(value) => receipts.mutate({ phone, mode: value as ReceiptMode })}>
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
        <div className="grid gap-2 border-t pt-4">
          <div className="flex items-center justify-between gap-3">
            <Label htmlFor="sandbox-online">{t("sandboxPhones.online")}</Label>
            <Switch id="sandbox-online" checked={account.online} disabled={presence.isPending} onCheckedChange={setOnline} />
          </div>
          <p className="text-sm text-muted-foreground">{t("sandboxPhones.onlineHint")}</p>
          {account.online ? null : (
            <div className="flex flex-wrap items-center justify-between gap-2 rounded-md bg-warning/10 px-3 py-2">
              <Badge tone="warning" data-testid="held-messages">
                {t("sandboxPhones.held", { count: account.heldMessages })}
              </Badge>
              <Button size="sm" variant="outline" loading={presence.isPending} onClick={() => setOnline(true)}>
                {t("sandboxPhones.bringOnline")}
              </Button>
            </div>
          )}
        </div>
      </CardContent>
    </Card>
  );
}
