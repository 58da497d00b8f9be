"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { errorMessage } from "@/components/errors/error-message";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { fieldDescribedBy, FormError, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { useFormat, useT } from "@/i18n/provider";
import type { PlainMessageKey } from "@/i18n/types";
import { useTRPC } from "@/trpc/react";

const FIELDS = [
  { key: "jobHourlyCapDefault", label: "adminOverview.capsHourlyDefault" },
  { key: "jobHourlyCapMax", label: "adminOverview.capsHourlyMax" },
  { key: "jobDailyCapDefault", label: "adminOverview.capsDailyDefault" },
  { key: "jobDailyCapMax", label: "adminOverview.capsDailyMax" },
] as const satisfies ReadonlyArray<{ key: string; label: PlainMessageKey }>;

type CapKey = (typeof FIELDS)[number]["key"];
type CapValues = Record<CapKey, number>;

/** Chat blast send caps per device: the default every device gets, and the most an owner may set. */
export function SendCapsSetting() {
  const t = useT();
  const trpc = useTRPC();
  const settings = useQuery(trpc.admin.settings.get.queryOptions());
  return (
    <Card data-testid="admin-send-caps">
      <CardHeader>
        <CardTitle>{t("adminOverview.capsTitle")}</CardTitle>
        <CardDescription>{t("adminOverview.capsDescription")}</CardDescription>
      </CardHeader>
      <CardContent>
        {settings.data ? (
          <CapsForm key={FIELDS.map((f) => settings.data[f.key]).join(":")} saved={settings.data} />
        ) : settings.isError ? (
          <FormError message={errorMessage(settings.error, t)} />
        ) : (
          <Skeleton className="h-40" />
        )}
      </CardContent>
    </Card>
  );
}

function CapsForm({ saved }: { saved: CapValues }) {
  const t = useT();
  const format = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<CapKey, string>>(() => {
    const entries = FIELDS.map((f) => [f.key, String(saved[f.key])] as const);
    return Object.fromEntries(entries) as Record<CapKey, string>;
  });
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<CapKey, string>>>({});
  const update = useMutation(
    trpc.admin.settings.update.mutationOptions({
      onSuccess: (data) => {
        queryClient.setQueryData(trpc.admin.settings.get.queryKey(), data);
        toast.success(t("adminOverview.capsSaved"));
      },
    }),
  );
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: Partial<Record<CapKey, string>> = {};
    for (const f of FIELDS) if (!/^\d+$/.test(values[f.key].trim()) || Number(values[f.key]) < 1) errors[f.key] = t("device.capsInvalid");
    const changes = Object.fromEntries(FIELDS.map((f) => [f.key, Number(values[f.key].trim())])) as CapValues;
    if (!errors.jobHourlyCapDefault && !errors.jobHourlyCapMax && changes.jobHourlyCapDefault > changes.jobHourlyCapMax) {
      errors.jobHourlyCapDefault = t("adminOverview.capsDefaultAboveMax", { max: format.number(changes.jobHourlyCapMax) });
    }
    if (!errors.jobDailyCapDefault && !errors.jobDailyCapMax && changes.jobDailyCapDefault > changes.jobDailyCapMax) {
      errors.jobDailyCapDefault = t("adminOverview.capsDefaultAboveMax", { max: format.number(changes.jobDailyCapMax) });
    }
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    update.mutate(changes);
  };
  return (
    <form className="grid gap-3" onSubmit={onSubmit} noValidate>
      <FormError message={update.error ? errorMessage(update.error, t) : null} />
      <div className="grid gap-3 sm:grid-cols-2">
        {FIELDS.map((field) => {
          const id = `caps-${field.key}`;
          const error = fieldErrors[field.key] ?? null;
          return (
            <FormField key={field.key} id={id} label={t(field.label)} error={error}>
              <Input
                id={id}
                inputMode="numeric"
                value={values[field.key]}
                onChange={(e) => setValues((current) => ({ ...current, [field.key]: e.target.value }))}
                aria-invalid={Boolean(error)}
                aria-describedby={fieldDescribedBy(id, error)}
              />
            </FormField>
          );
        })}
      </div>
      <div>
        <Button type="submit" loading={update.isPending}>
          {t("adminOverview.capsSave")}
        </Button>
      </div>
    </form>
  );
}
