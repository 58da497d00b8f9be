"use client";

import { UserRoundPlus, Users } from "lucide-react";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { errorMessage } from "@/components/errors/error-message";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { FormError } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { useT } from "@/i18n/provider";
import { useCreateSandboxAccount, useSandboxAccounts } from "./use-sandbox";

export function AccountsCard({ selected, onSelect }: { selected: string | null; onSelect: (phone: string) => void }) {
  const t = useT();
  const accounts = useSandboxAccounts();
  const create = useCreateSandboxAccount();
  const [name, setName] = useState("");
  const [phone, setPhone] = useState("");

  const onCreate = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate(
      { name: name.trim() || undefined, phone: phone.trim() || undefined },
      {
        onSuccess: (account) => {
          toast.success(t("sandbox.accountCreated", { phone: account.phone }));
          setName("");
          setPhone("");
          onSelect(account.phone);
        },
      },
    );
  };

  return (
    <Card>
      <CardHeader className="border-b pb-4">
        <CardTitle>{t("sandbox.accounts")}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4 pt-4">
        {accounts.isPending ? (
          <div className="grid gap-2">
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} className="h-11" />
            ))}
          </div>
        ) : accounts.isError ? (
          <ErrorState title={t("common.loadError")} message={errorMessage(accounts.error, t)} retryLabel={t("common.retry")} onRetry={() => void accounts.refetch()} />
        ) : accounts.data.length === 0 ? (
          <EmptyState icon={Users} title={t("sandbox.accountsEmpty")} className="py-6" />
        ) : (
          <ul className="grid gap-1" aria-label={t("sandbox.pickAccount")}>
            {accounts.data.map((a) => (
              <li key={a.phone}>
                <button
                  type="button"
                  onClick={() => onSelect(a.phone)}
                  aria-pressed={selected === a.phone}
                  className={cn(
                    "flex w-full cursor-pointer items-center justify-between gap-2 rounded-md px-3 py-2 text-left transition-colors hover:bg-muted",
                    selected === a.phone && "bg-accent text-accent-foreground",
                  )}
                >
                  <span className="min-w-0">
                    <span className="block truncate text-sm font-medium">{a.name}</span>
                    <span className="block font-mono text-xs text-muted-foreground">+{a.phone}</span>
                  </span>
                  <span className="flex flex-wrap justify-end gap-1">
                    {a.banned ? <Badge tone="danger">{t("sandbox.banned")}</Badge> : null}
                    {a.online ? null : <Badge tone="warning">{t("sandboxPhones.offlineBadge")}</Badge>}
                    {a.receipts === "read" ? null : <Badge>{t("sandboxPhones.neverReadsBadge")}</Badge>}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <form onSubmit={onCreate} className="grid gap-2 border-t pt-4" noValidate>
          <FormError message={create.error ? errorMessage(create.error, t) : null} />
          <Input aria-label={t("sandbox.accountName")} placeholder={t("sandbox.accountName")} value={name} onChange={(e) => setName(e.target.value)} />
          <Input
            aria-label={t("sandbox.accountPhone")}
            aria-describedby="sandbox-phone-hint"
            placeholder={t("sandbox.accountPhone")}
            inputMode="tel"
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
          />
          <p id="sandbox-phone-hint" className="text-xs text-muted-foreground">
            {t("sandboxPhones.phoneHint")}
          </p>
          <Button type="submit" variant="outline" loading={create.isPending}>
            {create.isPending ? null : <UserRoundPlus aria-hidden />}
            {t("sandbox.createAccount")}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
