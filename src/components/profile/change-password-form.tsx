"use client";

import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { z } from "zod";
import { errorMessage, serverFieldErrors } from "@/components/errors/error-message";
import { useLiveReauth } from "@/components/live/live-events-provider";
import { useViewer } from "@/components/shell/viewer-context";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { fieldDescribedBy, FormError, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { validateForm, type FieldErrors } from "@/i18n/form-errors";
import { useT } from "@/i18n/provider";
import { zPassword } from "@/lib/validation";
import { useTRPC } from "@/trpc/react";

/** Current, new and repeated password; shared with the forced change after an admin set the password. */
export const passwordChangeSchema = z
  .object({ currentPassword: z.string().min(1).max(128), newPassword: zPassword, confirmPassword: z.string() })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "mismatch" });
const schema = passwordChangeSchema;
type Field = keyof z.input<typeof schema>;
const fields: Field[] = ["currentPassword", "newPassword", "confirmPassword"];
const empty: Record<Field, string> = { currentPassword: "", newPassword: "", confirmPassword: "" };

/**
 * Changing the password ends every session, this one included (the server bumps sessionVersion). So on success we
 * sign in again with the new password and reopen the live stream, and the user stays where they are.
 */
export function ChangePasswordForm() {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const viewer = useViewer();
  const live = useLiveReauth();
  const [values, setValues] = useState(empty);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [reSigningIn, setReSigningIn] = useState(false);

  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: async (_data, input) => {
        setReSigningIn(true);
        const result = await signIn("credentials", { identifier: viewer.username, password: input.newPassword, redirect: false });
        setReSigningIn(false);
        setValues(empty);
        if (!result || result.error) {
          live.restart();
          toast.error(t("profile.reSignInFailed"));
          router.replace("/auth/login?ended=1");
          return;
        }
        toast.success(t("profile.passwordChanged"));
        live.restart();
        router.refresh();
      },
      onError: (error) => {
        live.restart();
        const server = serverFieldErrors(error);
        if (Object.keys(server).length > 0) setErrors(server);
        else if (/current password is wrong/i.test(error.message)) setErrors({ currentPassword: error.message });
      },
    }),
  );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = validateForm(schema, values, t, { confirmPassword: "validation.passwordMismatch" });
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    live.expectReauth();
    change.mutate({ currentPassword: result.data.currentPassword, newPassword: result.data.newPassword });
  };

  const bannerError =
    change.error && Object.keys(serverFieldErrors(change.error)).length === 0 && !/current password is wrong/i.test(change.error.message)
      ? errorMessage(change.error, t)
      : null;

  return (
    <Card>
      <form onSubmit={onSubmit} noValidate>
        <CardHeader>
          <CardTitle>{t("profile.passwordTitle")}</CardTitle>
          <CardDescription>{t("profile.passwordDescription")}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <FormError message={bannerError} />
          {fields.map((field) => (
            <FormField key={field} id={field} label={t(`profile.${field}`)} error={errors[field]}>
              <Input
                id={field}
                type="password"
                autoComplete={field === "currentPassword" ? "current-password" : "new-password"}
                value={values[field]}
                onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
                aria-invalid={Boolean(errors[field])}
                aria-describedby={fieldDescribedBy(field, errors[field])}
              />
            </FormField>
          ))}
        </CardContent>
        <CardFooter className="justify-end">
          <Button type="submit" loading={change.isPending || reSigningIn}>
            {t("profile.changePassword")}
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
