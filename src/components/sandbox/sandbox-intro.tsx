"use client";

import { Smartphone, UserRoundPlus } from "lucide-react";
import { toast } from "sonner";
import { errorMessage } from "@/components/errors/error-message";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { FormError } from "@/components/ui/form-field";
import { useT } from "@/i18n/provider";
import { useCreateSandboxAccount } from "./use-sandbox";

/** Shown before any virtual phone exists: what one is for, and one click to make it (the sandbox picks a number). */
export function SandboxIntro({ onCreated }: { onCreated: (phone: string) => void }) {
  const t = useT();
  const create = useCreateSandboxAccount();
  return (
    <Card data-testid="sandbox-intro">
      <CardContent className="flex flex-col items-center gap-4 px-6 py-10 text-center">
        <span className="flex size-12 items-center justify-center rounded-full bg-primary/10 text-primary">
          <Smartphone className="size-6" aria-hidden />
        </span>
        <div className="grid max-w-md gap-1.5">
          <h2 className="text-lg font-semibold">{t("sandboxPhones.introTitle")}</h2>
          <p className="text-sm text-muted-foreground">{t("sandboxPhones.introBody")}</p>
        </div>
        <FormError message={create.error ? errorMessage(create.error, t) : null} />
        <Button
          loading={create.isPending}
          onClick={() =>
            create.mutate(
              {},
              {
                onSuccess: (account) => {
                  toast.success(t("sandboxPhones.phoneCreated", { phone: account.phone }));
                  onCreated(account.phone);
                },
              },
            )
          }
        >
          {create.isPending ? null : <UserRoundPlus aria-hidden />}
          {t("sandboxPhones.createPhone")}
        </Button>
      </CardContent>
    </Card>
  );
}
