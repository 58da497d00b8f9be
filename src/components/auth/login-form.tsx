"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { loginErrorMessage } from "@/components/errors/error-message";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { fieldDescribedBy, FormError, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { validateForm, type FieldErrors } from "@/i18n/form-errors";
import { useT } from "@/i18n/provider";

const schema = z.object({ identifier: z.string().trim().min(1).max(191), password: z.string().min(1).max(128) });
type Field = keyof z.input<typeof schema>;

/** Only same-origin paths are honoured as a destination after signing in. */
function safeDestination(callbackUrl: string | undefined): string {
  return callbackUrl && callbackUrl.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/dashboard";
}

export function LoginForm({ notice, callbackUrl }: { notice: "registered" | "sessionEnded" | null; callbackUrl?: string }) {
  const t = useT();
  const router = useRouter();
  const [values, setValues] = useState<Record<Field, string>>({ identifier: "", password: "" });
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const result = validateForm(schema, values, t);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setSubmitting(true);
    const response = await signIn("credentials", { ...result.data, redirect: false });
    if (!response || response.error) {
      setSubmitting(false);
      setFormError(loginErrorMessage(response?.error, t));
      return;
    }
    router.replace(safeDestination(callbackUrl));
    router.refresh();
  };

  const set = (field: Field) => (e: React.ChangeEvent<HTMLInputElement>) => setValues((v) => ({ ...v, [field]: e.target.value }));

  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-xl">{t("auth.login.title")}</CardTitle>
        <CardDescription>{t("auth.login.subtitle")}</CardDescription>
      </CardHeader>
      <CardContent>
        <form className="grid gap-4" onSubmit={onSubmit} noValidate>
          {notice ? (
            <div role="status" className="rounded-md border border-primary/30 bg-primary/5 px-3 py-2 text-sm text-primary">
              {notice === "registered" ? t("auth.login.registered") : t("auth.login.sessionEnded")}
            </div>
          ) : null}
          <FormError message={formError} />
          <FormField id="identifier" label={t("auth.login.identifier")} error={errors.identifier}>
            <Input
              id="identifier"
              name="identifier"
              autoComplete="username"
              autoFocus
              value={values.identifier}
              onChange={set("identifier")}
              aria-invalid={Boolean(errors.identifier)}
              aria-describedby={fieldDescribedBy("identifier", errors.identifier)}
            />
          </FormField>
          <FormField id="password" label={t("auth.login.password")} error={errors.password}>
            <Input
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              value={values.password}
              onChange={set("password")}
              aria-invalid={Boolean(errors.password)}
              aria-describedby={fieldDescribedBy("password", errors.password)}
            />
          </FormField>
          <Button type="submit" className="w-full" loading={submitting}>
            {t("auth.login.submit")}
          </Button>
          <p className="text-center text-sm text-muted-foreground">
            {t("auth.login.noAccount")}{" "}
            <Link href="/auth/register" className="font-medium text-primary hover:underline">
              {t("auth.login.toRegister")}
            </Link>
          </p>
        </form>
      </CardContent>
    </Card>
  );
}
