"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { errorMessage, serverFieldErrors } from "@/components/errors/error-message";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { fieldDescribedBy, FormError, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { validateForm, type FieldErrors } from "@/i18n/form-errors";
import { useT } from "@/i18n/provider";
import { zEmail, zFullName, zPassword, zUsername } from "@/lib/validation";
import { useTRPC } from "@/trpc/react";

const schema = z
  .object({
    username: zUsername,
    email: zEmail,
    fullName: z.union([z.literal(""), zFullName]),
    password: zPassword,
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "mismatch" });
type Field = keyof z.input<typeof schema>;

const fields: { name: Field; type: string; autoComplete: string; optional?: boolean; hint?: "username" | "password" }[] = [
  { name: "username", type: "text", autoComplete: "username", hint: "username" },
  { name: "email", type: "email", autoComplete: "email" },
  { name: "fullName", type: "text", autoComplete: "name", optional: true },
  { name: "password", type: "password", autoComplete: "new-password", hint: "password" },
  { name: "confirmPassword", type: "password", autoComplete: "new-password" },
];

export function RegisterForm() {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const [values, setValues] = useState<Record<Field, string>>({ username: "", email: "", fullName: "", password: "", confirmPassword: "" });
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const register = useMutation(
    trpc.auth.register.mutationOptions({
      onSuccess: () => router.push("/auth/login?registered=1"),
      onError: (error) => {
        const server = serverFieldErrors(error);
        if (Object.keys(server).length > 0) setErrors(server);
        else if (/username is taken/i.test(error.message)) setErrors({ username: t("auth.errors.usernameTaken") });
        else if (/email is already/i.test(error.message)) setErrors({ email: t("auth.errors.emailTaken") });
      },
    }),
  );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = validateForm(schema, values, t, { username: "validation.username", confirmPassword: "validation.passwordMismatch" });
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    const { username, email, fullName, password } = result.data;
    register.mutate({ username, email, password, fullName: fullName === "" ? undefined : fullName });
  };

  const fieldLevel = register.error && (Object.keys(serverFieldErrors(register.error)).length > 0 || /taken|already/i.test(register.error.message));

  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-xl">{t("auth.register.title")}</CardTitle>
        <CardDescription>{t("auth.register.subtitle")}</CardDescription>
      </CardHeader>
      <CardContent>
        <form className="grid gap-4" onSubmit={onSubmit} noValidate>
          <FormError message={register.error && !fieldLevel ? errorMessage(register.error, t) : null} />
          {fields.map((f) => {
            const error = errors[f.name];
            const hint = f.hint ? t(`auth.register.${f.hint}Hint`) : undefined;
            return (
              <FormField
                key={f.name}
                id={f.name}
                label={
                  <>
                    {t(`auth.register.${f.name}`)}
                    {f.optional ? <span className="ml-1 font-normal text-muted-foreground">({t("common.optional")})</span> : null}
                  </>
                }
                error={error}
                hint={hint}
              >
                <Input
                  id={f.name}
                  name={f.name}
                  type={f.type}
                  autoComplete={f.autoComplete}
                  value={values[f.name]}
                  onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))}
                  aria-invalid={Boolean(error)}
                  aria-describedby={fieldDescribedBy(f.name, error, hint)}
                />
              </FormField>
            );
          })}
          <Button type="submit" className="w-full" loading={register.isPending}>
            {t("auth.register.submit")}
          </Button>
          <p className="text-center text-sm text-muted-foreground">
            {t("auth.register.haveAccount")}{" "}
            <Link href="/auth/login" className="font-medium text-primary hover:underline">
              {t("auth.register.toLogin")}
            </Link>
          </p>
        </form>
      </CardContent>
    </Card>
  );
}
