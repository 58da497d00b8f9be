"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Ban, ShieldCheck } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { errorMessage } from "@/components/errors/error-message";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormError } from "@/components/ui/form-field";
import { useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { useSandboxAccounts } from "./use-sandbox";

/** WhatsApp bans (or lifts the ban on) the selected account: its linked devices are refused (403) until lifted. */
export function BanCard({ phone }: { phone: string }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const accounts = useSandboxAccounts();
  const invalidate = () => void queryClient.invalidateQueries({ queryKey: trpc.sandbox.pathKey() });
  const ban = useMutation(trpc.sandbox.ban.mutationOptions({ onSuccess: invalidate }));
  const unban = useMutation(trpc.sandbox.unban.mutationOptions({ onSuccess: invalidate }));
  const [confirming, setConfirming] = useState(false);
  const banned = accounts.data?.find((a) => a.phone === phone)?.banned ?? false;

  return (
    <Card data-testid="sandbox-ban-card">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          {t("sandbox.banTitle")}
          {banned ? <Badge tone="danger">{t("sandbox.banned")}</Badge> : null}
        </CardTitle>
        <CardDescription>{banned ? t("sandbox.bannedHint") : t("sandbox.banHint")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        <FormError message={unban.error ? errorMessage(unban.error, t) : null} />
        {banned ? (
          <Button
            variant="outline"
            className="w-full sm:w-fit"
            loading={unban.isPending}
            onClick={() => unban.mutate({ phone }, { onSuccess: () => toast.success(t("sandbox.unbannedToast", { phone })) })}
          >
            {unban.isPending ? null : <ShieldCheck aria-hidden />}
            {t("sandbox.unban")}
          </Button>
        ) : (
          <Button variant="destructive" className="w-full sm:w-fit" disabled={accounts.isPending} onClick={() => setConfirming(true)}>
            <Ban aria-hidden />
            {t("sandbox.ban")}
          </Button>
        )}
      </CardContent>
      <ConfirmDialog
        open={confirming}
        onOpenChange={(open) => {
          setConfirming(open);
          if (!open) ban.reset();
        }}
        title={t("sandbox.banConfirmTitle", { phone })}
        description={t("sandbox.banConfirmBody")}
        confirmLabel={t("sandbox.ban")}
        cancelLabel={t("common.cancel")}
        closeLabel={t("common.close")}
        pending={ban.isPending}
        error={ban.error ? errorMessage(ban.error, t) : null}
        onConfirm={() =>
          ban.mutate(
            { phone },
            {
              onSuccess: () => {
                setConfirming(false);
                toast.success(t("sandbox.bannedToast", { phone }));
              },
            },
          )
        }
      />
    </Card>
  );
}
