"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import type { DeviceItem } from "@/components/devices/types";
import { errorMessage, serverFieldErrors } from "@/components/errors/error-message";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { fieldDescribedBy, FormError, FormField } from "@/components/ui/form-field";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { UserAvatar } from "@/components/profile/user-avatar";

/** Admin: hands a device (with its messages, jobs and statistics) to another user. The WhatsApp link is kept. */
export function AssignDeviceDialog({ device, open, onOpenChange }: { device: DeviceItem; open: boolean; onOpenChange: (open: boolean) => void }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [ownerId, setOwnerId] = useState("");
  const [error, setError] = useState<string | null>(null);
  const users = useQuery(trpc.admin.users.list.queryOptions({ limit: 200 }, { enabled: open }));
  const assign = useMutation(
    trpc.device.assign.mutationOptions({
      onSuccess: (updated) => {
        toast.success(t("adminDevices.assignedTo", { name: updated.deviceName, owner: updated.owner.username }));
        void queryClient.invalidateQueries({ queryKey: trpc.device.pathKey() });
        onOpenChange(false);
      },
      onError: (err) => setError(serverFieldErrors(err).ownerId ?? null),
    }),
  );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!ownerId) {
      setError(t("validation.required"));
      return;
    }
    setError(null);
    assign.mutate({ deviceId: device.deviceId, ownerId: Number(ownerId) });
  };

  const bannerError = assign.error && !serverFieldErrors(assign.error).ownerId ? errorMessage(assign.error, t) : null;
  const candidates = (users.data?.items ?? []).filter((u) => u.id !== device.ownerId);

  return (
    <Dialog open={open} onOpenChange={(next) => !assign.isPending && onOpenChange(next)}>
      <DialogContent closeLabel={t("common.close")}>
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{t("adminDevices.assignTitle", { name: device.deviceName })}</DialogTitle>
            <DialogDescription>{t("adminDevices.assignDescription")}</DialogDescription>
          </DialogHeader>
          <FormError message={bannerError ?? (users.isError ? errorMessage(users.error, t) : null)} />
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-lg bg-muted/50 px-3 py-2 text-sm">
            <dt className="text-muted-foreground">{t("adminDevices.currentOwner")}</dt>
            <dd className="min-w-0 truncate">
              {device.owner.username} <span className="text-muted-foreground">({device.owner.email})</span>
            </dd>
          </dl>
          <FormField id="assign-owner" label={t("adminDevices.newOwner")} error={error}>
            <Select value={ownerId} onValueChange={setOwnerId} disabled={users.isPending}>
              <SelectTrigger id="assign-owner" aria-invalid={Boolean(error)} aria-describedby={fieldDescribedBy("assign-owner", error)}>
                <SelectValue placeholder={users.isPending ? t("common.loading") : t("adminDevices.ownerPlaceholder")} />
              </SelectTrigger>
              <SelectContent>
                {candidates.map((u) => (
                  <SelectItem key={u.id} value={String(u.id)} disabled={!u.isActive}>
                    <UserAvatar name={u.fullName ?? u.username} url={u.avatar} className="mr-1.5 inline-flex size-5 align-middle text-[10px]" />
                    {u.fullName ? `${u.fullName} · ` : ""}
                    {u.username} ({u.email}) · {t("adminDevices.deviceCount", { count: u._count.devices, max: u.maxDevices })}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </FormField>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)} disabled={assign.isPending}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={assign.isPending}>
              {t("adminDevices.assignSubmit")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
