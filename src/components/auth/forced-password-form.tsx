"use client";

import { useMutation } from "@tanstack/react-query";
import { signIn, signOut } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { type z } from "zod";
import { errorMessage, serverFieldErrors } from "@/components/errors/error-message";
import { passwordChangeSchema } from "@/components/profile/change-password-form";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { fieldDescribedBy, FormError, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { validateForm, type FieldErrors } from "@/i18n/form-errors";
import { useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";

const schema = passwordChangeSchema;
type Field = keyof z.input<typeof schema>;

/**
 * The forced password change after an admin set the password. Changing it ends this session too (sessionVersion),
 * so the form signs in again with the new password and then opens the app.
 */
export function ForcedPasswordForm({ username }: { username: string }) {
  const t = useT();
  const trpc = useTRPC();
  const [values, setValues] = useState<Record<Field, string>>({ currentPassword: "", newPassword: "", confirmPassword: "" });
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [signingIn, setSigningIn] = useState(false);
  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: async (_data, input) => {
        setSigningIn(true);
        const result = await signIn("credentials", { identifier: username, password: input.newPassword, redirect: false });
        window.location.assign(result && !result.error ? "/dashboard" : "/auth/login?ended=1");
      },
      onError: (error) => {
        const server = serverFieldErrors(error);
        if (Object.keys(server).length > 0) setErrors(server);
        else if (/current password is wrong/i.test(error.message)) setErrors({ currentPassword: error.message });
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validateForm(schema, values, t, { confirmPassword: "validation.passwordMismatch" });
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    change.mutate({ currentPassword: result.data.currentPassword, newPassword: result.data.newPassword });
  };
  const labels: Record<Field, string> = { currentPassword: t("forcedPassword.current"), newPassword: t("forcedPassword.newPassword"), confirmPassword: t("forcedPassword.confirm") };
  const banner = change.error && Object.keys(errors).length === 0 ? errorMessage(change.error, t) : null;
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("forcedPassword.title")}</CardTitle>
        <CardDescription>{t("forcedPassword.subtitle")}</CardDescription>
      </CardHeader>
      <form onSubmit={submit} noValidate>
        <CardContent className="grid gap-4">
          {(Object.keys(labels) as Field[]).map((name) => (
            <FormField key={name} id={`forced-${name}`} label={labels[name]} error={errors[name]}>
              <Input
                id={`forced-${name}`}
                type="password"
                autoComplete={name === "currentPassword" ? "current-password" : "new-password"}
                value={values[name]}
                aria-invalid={Boolean(errors[name])}
                aria-describedby={fieldDescribedBy(`forced-${name}`, errors[name])}
                onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
              />
            </FormField>
          ))}
          <FormError message={banner} />
        </CardContent>
        <CardFooter className="flex flex-col gap-2">
          <Button type="submit" className="w-full" loading={change.isPending || signingIn}>
            {t("forcedPassword.submit")}
          </Button>
          <Button type="button" variant="ghost" className="w-full" onClick={() => void signOut({ callbackUrl: "/auth/login" })}>
            {t("forcedPassword.signOut")}
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
