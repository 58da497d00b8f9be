"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { errorMessage, serverFieldErrors } from "@/components/errors/error-message";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormError, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { TemporaryPasswordDialog } from "./temporary-password-dialog";
import type { AdminUser } from "./types";

interface Values {
  username: string;
  email: string;
  fullName: string;
  role: "admin" | "user";
  password: string;
  maxDevices: string;
  dailyMessageLimit: string;
}

const toNumber = (value: string) => (value.trim() === "" ? undefined : Number(value));

/** Create (no `user`) or edit (with `user`) an account: details, role and limits. */
export function UserFormDialog({ user, open, onOpenChange }: { user?: AdminUser; open: boolean; onOpenChange: (open: boolean) => void }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>({
    username: user?.username ?? "",
    email: user?.email ?? "",
    fullName: user?.fullName ?? "",
    role: user?.role ?? "user",
    password: "",
    maxDevices: String(user?.maxDevices ?? 5),
    dailyMessageLimit: String(user?.dailyMessageLimit ?? 1000),
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<{ name: string; password: string } | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.admin.pathKey() });
  const onError = (error: unknown) => setErrors(serverFieldErrors(error));

  const create = useMutation(
    trpc.admin.users.create.mutationOptions({
      onSuccess: (result) => {
        toast.success(t("adminUsers.created", { name: result.user.username }));
        refresh();
        onOpenChange(false);
        if (result.temporaryPassword) setCreated({ name: result.user.username, password: result.temporaryPassword });
      },
      onError,
    }),
  );
  const update = useMutation(
    trpc.admin.users.update.mutationOptions({
      onSuccess: () => {
        toast.success(t("adminUsers.saved"));
        refresh();
        onOpenChange(false);
      },
      onError,
    }),
  );
  const pending = create.isPending || update.isPending;
  const failure = create.error ?? update.error;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    const limits = { maxDevices: toNumber(values.maxDevices), dailyMessageLimit: toNumber(values.dailyMessageLimit) };
    if (user) {
      update.mutate({ userId: user.id, email: values.email, fullName: values.fullName.trim() || null, role: values.role, ...limits });
    } else {
      create.mutate({ username: values.username, email: values.email, fullName: values.fullName.trim() || null, role: values.role, password: values.password || undefined, ...limits });
    }
  };
  const field = (key: keyof Values) => ({
    id: `user-${key}`,
    value: values[key],
    "aria-invalid": Boolean(errors[key]),
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value })),
  });

  return (
    <>
      <Dialog open={open} onOpenChange={onOpenChange}>
        <DialogContent closeLabel={t("common.close")} className="max-h-[90dvh] overflow-y-auto">
          <DialogHeader>
            <DialogTitle>{user ? t("adminUsers.editTitle", { name: user.username }) : t("adminUsers.createTitle")}</DialogTitle>
            {user ? null : <DialogDescription>{t("adminUsers.createDescription")}</DialogDescription>}
          </DialogHeader>
          <form id="user-form" onSubmit={submit} className="grid gap-3" noValidate>
            {user ? null : (
              <FormField id="user-username" label={t("adminUsers.username")} error={errors.username}>
                <Input {...field("username")} autoComplete="off" required />
              </FormField>
            )}
            <FormField id="user-email" label={t("adminUsers.email")} error={errors.email}>
              <Input {...field("email")} type="email" autoComplete="off" required />
            </FormField>
            <FormField id="user-fullName" label={t("adminUsers.fullName")} error={errors.fullName}>
              <Input {...field("fullName")} autoComplete="off" />
            </FormField>
            <FormField id="user-role" label={t("adminUsers.role")} error={errors.role}>
              <Select value={values.role} onValueChange={(role) => setValues((v) => ({ ...v, role: role as Values["role"] }))}>
                <SelectTrigger id="user-role">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  <SelectItem value="user">{t("adminUsers.roleUser")}</SelectItem>
                  <SelectItem value="admin">{t("adminUsers.roleAdmin")}</SelectItem>
                </SelectContent>
              </Select>
            </FormField>
            {user ? null : (
              <FormField id="user-password" label={t("adminUsers.password")} hint={t("adminUsers.passwordHint")} error={errors.password}>
                <Input {...field("password")} type="password" autoComplete="new-password" />
              </FormField>
            )}
            <div className="grid grid-cols-2 gap-3">
              <FormField id="user-maxDevices" label={t("adminUsers.maxDevices")} error={errors.maxDevices}>
                <Input {...field("maxDevices")} type="number" min={0} max={1000} inputMode="numeric" />
              </FormField>
              <FormField id="user-dailyMessageLimit" label={t("adminUsers.dailyLimit")} error={errors.dailyMessageLimit}>
                <Input {...field("dailyMessageLimit")} type="number" min={0} max={1000000} inputMode="numeric" />
              </FormField>
            </div>
            {failure && Object.keys(errors).length === 0 ? <FormError message={errorMessage(failure, t)} /> : null}
          </form>
          <DialogFooter>
            <Button variant="outline" onClick={() => onOpenChange(false)}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" form="user-form" loading={pending}>
              {user ? t("common.save") : t("adminUsers.submitCreate")}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
      <TemporaryPasswordDialog name={created?.name ?? ""} password={created?.password ?? null} onClose={() => setCreated(null)} />
    </>
  );
}
