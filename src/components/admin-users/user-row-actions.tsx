"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { BarChart3, Ellipsis, KeyRound, Lock, LockOpen, Pencil, Trash2 } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { errorMessage } from "@/components/errors/error-message";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { TemporaryPasswordDialog } from "./temporary-password-dialog";
import type { AdminUser } from "./types";
import { UserFormDialog } from "./user-form-dialog";
import { UserInsightsDialog } from "./user-insights-sheet";

type Open = "edit" | "insights" | "lock" | "reset" | "delete" | null;

export function UserRowActions({ user, isSelf }: { user: AdminUser; isSelf: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<Open>(null);
  const [tempPassword, setTempPassword] = useState<string | null>(null);
  const name = user.username;
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.admin.pathKey() });
  const close = () => setOpen(null);
  const footprint = useQuery(trpc.admin.users.insights.queryOptions({ userId: user.id }, { enabled: open === "delete" }));

  const setActive = useMutation(
    trpc.admin.users.setActive.mutationOptions({
      onSuccess: (result) => {
        toast.success(result.isActive ? t("adminUsers.unlockedToast", { name }) : t("adminUsers.lockedToast", { name }));
        close();
        refresh();
      },
      onError: (error) => toast.error(errorMessage(error, t)),
    }),
  );
  const reset = useMutation(
    trpc.admin.users.resetPassword.mutationOptions({
      onSuccess: (result) => {
        close();
        setTempPassword(result.temporaryPassword);
        refresh();
      },
    }),
  );
  const remove = useMutation(
    trpc.admin.users.delete.mutationOptions({
      onSuccess: () => {
        toast.success(t("adminUsers.deleted"));
        close();
        refresh();
      },
    }),
  );
  const f = footprint.data?.footprint;

  return (
    <>
      <DropdownMenu modal={false}>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="icon" aria-label={`${t("admin.actions")}: ${name}`}>
            <Ellipsis aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          <DropdownMenuItem onSelect={() => setOpen("insights")}>
            <BarChart3 aria-hidden />
            {t("adminUsers.insights")}
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={() => setOpen("edit")}>
            <Pencil aria-hidden />
            {t("adminUsers.edit")}
          </DropdownMenuItem>
          {isSelf ? null : (
            <>
              {user.isActive ? (
                <DropdownMenuItem onSelect={() => setOpen("lock")}>
                  <Lock aria-hidden />
                  {t("adminUsers.lock")}
                </DropdownMenuItem>
              ) : (
                <DropdownMenuItem onSelect={() => setActive.mutate({ userId: user.id, isActive: true })}>
                  <LockOpen aria-hidden />
                  {t("adminUsers.unlock")}
                </DropdownMenuItem>
              )}
              <DropdownMenuItem onSelect={() => setOpen("reset")}>
                <KeyRound aria-hidden />
                {t("adminUsers.resetPassword")}
              </DropdownMenuItem>
              <DropdownMenuSeparator />
              <DropdownMenuItem onSelect={() => setOpen("delete")} className="text-destructive focus:text-destructive [&_svg]:text-destructive">
                <Trash2 aria-hidden />
                {t("adminUsers.delete")}
              </DropdownMenuItem>
            </>
          )}
        </DropdownMenuContent>
      </DropdownMenu>
      {open === "edit" ? <UserFormDialog user={user} open onOpenChange={(o) => !o && close()} /> : null}
      {open === "insights" ? <UserInsightsDialog userId={user.id} name={name} open onOpenChange={(o) => !o && close()} /> : null}
      <ConfirmDialog
        open={open === "lock"}
        onOpenChange={(o) => !o && close()}
        title={t("adminUsers.lockTitle", { name })}
        description={t("adminUsers.lockBody")}
        confirmLabel={t("adminUsers.lock")}
        cancelLabel={t("common.cancel")}
        closeLabel={t("common.close")}
        pending={setActive.isPending}
        error={setActive.error ? errorMessage(setActive.error, t) : null}
        onConfirm={() => setActive.mutate({ userId: user.id, isActive: false })}
      />
      <ConfirmDialog
        open={open === "reset"}
        onOpenChange={(o) => !o && close()}
        title={t("adminUsers.resetTitle", { name })}
        description={t("adminUsers.resetBody")}
        confirmLabel={t("adminUsers.resetPassword")}
        cancelLabel={t("common.cancel")}
        closeLabel={t("common.close")}
        pending={reset.isPending}
        error={reset.error ? errorMessage(reset.error, t) : null}
        onConfirm={() => reset.mutate({ userId: user.id })}
      />
      <ConfirmDialog
        open={open === "delete"}
        onOpenChange={(o) => !o && close()}
        title={t("adminUsers.deleteTitle", { name })}
        description={
          f
            ? t("adminUsers.deleteBody", { devices: f.devices, messages: f.messages, contacts: f.contacts, templates: f.templates, scheduled: f.scheduledMessages, jobs: f.jobs })
            : t("common.loading")
        }
        confirmLabel={t("adminUsers.deleteConfirm")}
        cancelLabel={t("common.cancel")}
        closeLabel={t("common.close")}
        pending={remove.isPending || footprint.isPending}
        error={remove.error ? errorMessage(remove.error, t) : null}
        onConfirm={() => remove.mutate({ userId: user.id })}
      />
      <TemporaryPasswordDialog name={name} password={tempPassword} onClose={() => setTempPassword(null)} />
    </>
  );
}
