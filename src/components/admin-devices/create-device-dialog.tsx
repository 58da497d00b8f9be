"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { errorMessage, serverFieldErrors } from "@/components/errors/error-message";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { fieldDescribedBy, FormError, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { UserAvatar } from "@/components/profile/user-avatar";

type Field = "ownerId" | "deviceName" | "deviceId";
const DEVICE_ID = /^[A-Za-z0-9_-]{3,100}$/;

export function CreateDeviceDialog() {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [ownerId, setOwnerId] = useState("");
  const [deviceName, setDeviceName] = useState("");
  const [deviceId, setDeviceId] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const users = useQuery(trpc.admin.users.list.queryOptions({ limit: 200 }, { enabled: open }));
  const create = useMutation(
    trpc.device.create.mutationOptions({
      onSuccess: (device) => {
        toast.success(t("adminDevices.created", { name: device.deviceName }));
        void queryClient.invalidateQueries({ queryKey: trpc.device.pathKey() });
        setOpen(false);
      },
      onError: (error) => setErrors(serverFieldErrors(error)),
    }),
  );

  const reset = () => {
    setOwnerId("");
    setDeviceName("");
    setDeviceId("");
    setErrors({});
    create.reset();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: Partial<Record<Field, string>> = {};
    if (!ownerId) next.ownerId = t("validation.required");
    if (deviceName.trim().length === 0) next.deviceName = t("validation.required");
    else if (deviceName.trim().length > 100) next.deviceName = t("validation.maxChars", { max: 100 });
    if (deviceId.trim() && !DEVICE_ID.test(deviceId.trim())) next.deviceId = t("validation.deviceId");
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    create.mutate({ ownerId: Number(ownerId), deviceName: deviceName.trim(), deviceId: deviceId.trim() || undefined });
  };

  const bannerError = create.error && Object.keys(serverFieldErrors(create.error)).length === 0 ? errorMessage(create.error, t) : null;
  const userItems = users.data?.items ?? [];

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (create.isPending) return;
        setOpen(next);
        if (!next) reset();
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden />
          {t("adminDevices.create")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("common.close")}>
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{t("adminDevices.createTitle")}</DialogTitle>
            <DialogDescription>{t("adminDevices.createDescription")}</DialogDescription>
          </DialogHeader>
          <FormError message={bannerError ?? (users.isError ? errorMessage(users.error, t) : null)} />
          <FormField id="ownerId" label={t("adminDevices.ownerLabel")} error={errors.ownerId}>
            <Select value={ownerId} onValueChange={setOwnerId} disabled={users.isPending}>
              <SelectTrigger id="ownerId" aria-invalid={Boolean(errors.ownerId)} aria-describedby={fieldDescribedBy("ownerId", errors.ownerId)}>
                <SelectValue placeholder={users.isPending ? t("common.loading") : t("adminDevices.ownerPlaceholder")} />
              </SelectTrigger>
              <SelectContent>
                {userItems.map((u) => (
                  <SelectItem key={u.id} value={String(u.id)} disabled={!u.isActive}>
                    <UserAvatar name={u.fullName ?? u.username} url={u.avatar} className="mr-1.5 inline-flex size-5 align-middle text-[10px]" />
                    {u.fullName ? `${u.fullName} · ` : ""}
                    {u.username} ({u.email})
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </FormField>
          <FormField id="deviceName" label={t("adminDevices.deviceName")} error={errors.deviceName}>
            <Input
              id="deviceName"
              placeholder={t("adminDevices.deviceNamePlaceholder")}
              value={deviceName}
              onChange={(e) => setDeviceName(e.target.value)}
              aria-invalid={Boolean(errors.deviceName)}
              aria-describedby={fieldDescribedBy("deviceName", errors.deviceName)}
            />
          </FormField>
          <FormField
            id="customDeviceId"
            label={
              <>
                {t("adminDevices.customId")} <span className="font-normal text-muted-foreground">({t("common.optional")})</span>
              </>
            }
            error={errors.deviceId}
            hint={t("adminDevices.customIdHint")}
          >
            <Input
              id="customDeviceId"
              className="font-mono"
              value={deviceId}
              onChange={(e) => setDeviceId(e.target.value)}
              aria-invalid={Boolean(errors.deviceId)}
              aria-describedby={fieldDescribedBy("customDeviceId", errors.deviceId, t("adminDevices.customIdHint"))}
            />
          </FormField>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)} disabled={create.isPending}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t("adminDevices.submit")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
