"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useState, type FormEvent } from "react";
import { errorMessage, serverFieldErrors } from "@/components/errors/error-message";
import { useViewer } from "@/components/shell/viewer-context";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormError, FormField, fieldDescribedBy } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { ApiKeyCreatedDialog } from "./api-key-created-dialog";

const SCOPES = ["read", "send", "devices", "admin"] as const;
type Scope = (typeof SCOPES)[number];
const EXPIRY_DAYS = { never: null, d7: 7, d30: 30, d90: 90, d365: 365 } as const;
type Expiry = keyof typeof EXPIRY_DAYS;

/** "New API key": name, scopes, expiry and rate → the token, shown once. */
export function CreateApiKeyButton() {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const viewer = useViewer();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<Scope[]>(["read"]);
  const [expiry, setExpiry] = useState<Expiry>("d90");
  const [rate, setRate] = useState("120");
  const [token, setToken] = useState<string | null>(null);
  const create = useMutation(
    trpc.apiKey.create.mutationOptions({
      onSuccess: (result) => {
        setOpen(false);
        setToken(result.token);
        void queryClient.invalidateQueries({ queryKey: trpc.apiKey.list.queryKey() });
      },
    }),
  );
  const fieldErrors = create.error ? serverFieldErrors(create.error) : {};
  const available = SCOPES.filter((scope) => scope !== "admin" || viewer.role === "admin");

  const start = () => {
    setName("");
    setScopes(["read"]);
    setExpiry("d90");
    setRate("120");
    create.reset();
    setOpen(true);
  };
  const toggle = (scope: Scope, on: boolean) => setScopes((current) => (on ? [...current, scope] : current.filter((s) => s !== scope)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const days = EXPIRY_DAYS[expiry];
    create.mutate({
      name,
      scopes,
      expiresAt: days === null ? null : new Date(Date.now() + days * 86_400_000),
      rateLimitPerMinute: Number(rate),
    });
  };

  return (
    <>
      <Button onClick={start}>
        <Plus aria-hidden />
        {t("developers.newKey")}
      </Button>
      <Dialog open={open} onOpenChange={(next) => !create.isPending && setOpen(next)}>
        <DialogContent closeLabel={t("common.close")}>
          <DialogHeader>
            <DialogTitle>{t("developers.newKey")}</DialogTitle>
            <DialogDescription>{t("developers.keysBody")}</DialogDescription>
          </DialogHeader>
          <form id="create-api-key" className="grid gap-4" onSubmit={submit} noValidate>
            <FormError message={create.error && Object.keys(fieldErrors).length === 0 ? errorMessage(create.error, t) : null} />
            <FormField id="api-key-name" label={t("developers.name")} error={fieldErrors.name}>
              <Input
                id="api-key-name"
                value={name}
                maxLength={100}
                placeholder={t("developers.namePlaceholder")}
                aria-invalid={Boolean(fieldErrors.name)}
                aria-describedby={fieldDescribedBy("api-key-name", fieldErrors.name)}
                onChange={(e) => setName(e.target.value)}
              />
            </FormField>
            <fieldset className="grid gap-2">
              <legend className="mb-1 text-sm font-medium">{t("developers.scopes")}</legend>
              {available.map((scope) => (
                <label key={scope} className="flex cursor-pointer items-start gap-2 text-sm">
                  <input
                    type="checkbox"
                    className="mt-0.5 size-4 accent-primary"
                    name="scopes"
                    value={scope}
                    checked={scopes.includes(scope)}
                    onChange={(e) => toggle(scope, e.target.checked)}
                  />
                  <span>
                    <span className="font-medium">{t(`developers.scopeNames.${scope}`)}</span>
                    <span className="block text-xs text-muted-foreground">{t(`developers.scopeHints.${scope}`)}</span>
                  </span>
                </label>
              ))}
              {fieldErrors.scopes ? <p className="text-xs font-medium text-destructive">{fieldErrors.scopes}</p> : null}
            </fieldset>
            <div className="grid gap-4 sm:grid-cols-2">
              <FormField id="api-key-expiry" label={t("developers.expiry")} error={fieldErrors.expiresAt}>
                <Select value={expiry} onValueChange={(value) => setExpiry(value as Expiry)}>
                  <SelectTrigger id="api-key-expiry">
                    <SelectValue />
                  </SelectTrigger>
                  <SelectContent>
                    {(Object.keys(EXPIRY_DAYS) as Expiry[]).map((option) => (
                      <SelectItem key={option} value={option}>
                        {t(`developers.expiryOptions.${option}`)}
                      </SelectItem>
                    ))}
                  </SelectContent>
                </Select>
              </FormField>
              <FormField id="api-key-rate" label={t("developers.rateLimit")} error={fieldErrors.rateLimitPerMinute}>
                <Input
                  id="api-key-rate"
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={6000}
                  value={rate}
                  aria-invalid={Boolean(fieldErrors.rateLimitPerMinute)}
                  aria-describedby={fieldDescribedBy("api-key-rate", fieldErrors.rateLimitPerMinute)}
                  onChange={(e) => setRate(e.target.value)}
                />
              </FormField>
            </div>
          </form>
          <DialogFooter>
            <Button variant="outline" onClick={() => setOpen(false)} disabled={create.isPending}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" form="create-api-key" loading={create.isPending}>
              {create.isPending ? t("developers.creating") : t("developers.create")}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
      <ApiKeyCreatedDialog token={token} onClose={() => setToken(null)} />
    </>
  );
}
