"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { z } from "zod";
import { errorMessage, serverFieldErrors } from "@/components/errors/error-message";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { fieldDescribedBy, FormError, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { validateForm, type FieldErrors } from "@/i18n/form-errors";
import { useFormat, useT } from "@/i18n/provider";
import { zEmail, zFullName } from "@/lib/validation";
import { useTRPC, type RouterOutputs } from "@/trpc/react";

const schema = z.object({ fullName: z.union([z.literal(""), zFullName]), email: zEmail });
type Field = keyof z.input<typeof schema>;

function ReadOnly({ label, value }: { label: string; value: string }) {
  return (
    <div className="grid gap-1">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="text-sm font-medium">{value}</dd>
    </div>
  );
}

export function ProfileDetailsForm() {
  const t = useT();
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());

  if (me.isPending) {
    return (
      <Card>
        <CardHeader>
          <Skeleton className="h-5 w-40" />
        </CardHeader>
        <CardContent className="grid gap-4">
          <Skeleton className="h-10" />
          <Skeleton className="h-9" />
          <Skeleton className="h-9" />
        </CardContent>
      </Card>
    );
  }
  if (me.isError) {
    return <ErrorState title={t("common.loadError")} message={errorMessage(me.error, t)} retryLabel={t("common.retry")} onRetry={() => void me.refetch()} />;
  }
  return <DetailsForm user={me.data} />;
}

type Profile = RouterOutputs["auth"]["me"];

/** The form starts from the loaded profile; after a save the cache holds exactly what the form shows. */
function DetailsForm({ user }: { user: Profile }) {
  const t = useT();
  const format = useFormat();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<Field, string>>({ fullName: user.fullName ?? "", email: user.email });
  const [errors, setErrors] = useState<FieldErrors<Field>>({});

  const update = useMutation(
    trpc.auth.updateProfile.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.auth.me.queryKey(), saved);
        toast.success(t("profile.saved"));
        // The shell shows the name and email; re-render it from the server.
        router.refresh();
      },
      onError: (error) => {
        const server = serverFieldErrors(error);
        if (Object.keys(server).length > 0) setErrors(server);
        else if (/email is already/i.test(error.message)) setErrors({ email: t("auth.errors.emailTaken") });
      },
    }),
  );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = validateForm(schema, values, t);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    update.mutate({ fullName: result.data.fullName === "" ? null : result.data.fullName, email: result.data.email });
  };

  const fieldLevel = update.error && /email is already/i.test(update.error.message);

  return (
    <Card>
      <form onSubmit={onSubmit} noValidate>
        <CardHeader>
          <CardTitle>{t("profile.detailsTitle")}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-5">
          <dl className="grid grid-cols-2 gap-4 rounded-lg bg-muted/60 p-4 sm:grid-cols-3">
            <ReadOnly label={t("profile.username")} value={user.username} />
            <ReadOnly label={t("profile.role")} value={user.role === "admin" ? t("shell.roleAdmin") : t("shell.roleUser")} />
            <ReadOnly label={t("profile.lastLogin")} value={user.lastLogin ? format.dateTime(user.lastLogin) : t("common.never")} />
          </dl>
          <FormError message={update.error && !fieldLevel && Object.keys(serverFieldErrors(update.error)).length === 0 ? errorMessage(update.error, t) : null} />
          <FormField id="fullName" label={t("profile.fullName")} error={errors.fullName}>
            <Input
              id="fullName"
              autoComplete="name"
              value={values.fullName}
              onChange={(e) => setValues((v) => ({ ...v, fullName: e.target.value }))}
              aria-invalid={Boolean(errors.fullName)}
              aria-describedby={fieldDescribedBy("fullName", errors.fullName)}
            />
          </FormField>
          <FormField id="email" label={t("profile.email")} error={errors.email}>
            <Input
              id="email"
              type="email"
              autoComplete="email"
              value={values.email}
              onChange={(e) => setValues((v) => ({ ...v, email: e.target.value }))}
              aria-invalid={Boolean(errors.email)}
              aria-describedby={fieldDescribedBy("email", errors.email)}
            />
          </FormField>
        </CardContent>
        <CardFooter className="justify-end">
          <Button type="submit" loading={update.isPending}>
            {t("common.save")}
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
