"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { RefreshCw, Smartphone } from "lucide-react";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { errorMessage } from "@/components/errors/error-message";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { fieldDescribedBy, FormError, FormField } from "@/components/ui/form-field";
import { Skeleton } from "@/components/ui/skeleton";
import { useFormat, useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { DeviceSelect } from "./device-select";

/** "Sync from device": saves a device's WhatsApp chats as contacts and reports what changed. */
export function SyncFromDeviceButton({ deviceId, variant = "outline" }: { deviceId?: string; variant?: "outline" | "default" }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState(0);
  return (
    <>
      <Button
        variant={variant}
        onClick={() => {
          setKey((k) => k + 1);
          setOpen(true);
        }}
      >
        <RefreshCw aria-hidden />
        {t("contacts.sync.open")}
      </Button>
      <SyncFromDeviceDialog key={key} open={open} onOpenChange={setOpen} initialDeviceId={deviceId} />
    </>
  );
}

function SyncFromDeviceDialog({ open, onOpenChange, initialDeviceId }: { open: boolean; onOpenChange: (open: boolean) => void; initialDeviceId?: string }) {
  const t = useT();
  const format = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const devices = useQuery(trpc.device.list.queryOptions({ limit: 200 }, { enabled: open }));
  const [deviceId, setDeviceId] = useState(initialDeviceId ?? "");
  const [error, setError] = useState<string | null>(null);
  const sync = useMutation(
    trpc.contact.syncFromDevice.mutationOptions({
      onSuccess: (result) => {
        toast.success(t("contacts.sync.done", { created: result.created, updated: result.updated }));
        void queryClient.invalidateQueries({ queryKey: trpc.contact.pathKey() });
      },
    }),
  );
  const items = devices.data?.items ?? [];
  const selected = items.some((d) => d.deviceId === deviceId) ? deviceId : (items[0]?.deviceId ?? "");

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!selected) return setError(t("validation.required"));
    setError(null);
    sync.mutate({ deviceId: selected });
  };

  return (
    <Dialog open={open} onOpenChange={(next) => !sync.isPending && onOpenChange(next)}>
      <DialogContent closeLabel={t("common.close")}>
        <DialogHeader>
          <DialogTitle>{t("contacts.sync.title")}</DialogTitle>
          <DialogDescription>{t("contacts.sync.description")}</DialogDescription>
        </DialogHeader>
        {devices.isPending ? (
          <Skeleton className="h-9" />
        ) : devices.isError ? (
          <FormError message={errorMessage(devices.error, t)} />
        ) : items.length === 0 ? (
          <EmptyState icon={Smartphone} title={t("devices.empty")} description={t("devices.emptyBody")} className="border-none py-6" />
        ) : sync.data ? (
          <div className="grid gap-4" data-testid="sync-result">
            <dl className="grid grid-cols-3 gap-3">
              {(["created", "updated", "unchanged"] as const).map((k) => (
                <div key={k} className="rounded-lg border px-3 py-2">
                  <dt className="text-xs text-muted-foreground">{t(`contacts.sync.${k}`)}</dt>
                  <dd className="text-xl font-semibold tabular-nums" data-testid={`sync-${k}`}>
                    {format.number(sync.data[k])}
                  </dd>
                </div>
              ))}
            </dl>
            <DialogFooter>
              <Button onClick={() => onOpenChange(false)}>{t("contacts.import.done")}</Button>
            </DialogFooter>
          </div>
        ) : (
          <form onSubmit={onSubmit} noValidate className="grid gap-4">
            <FormError message={sync.error ? errorMessage(sync.error, t) : null} />
            <FormField id="sync-device" label={t("contacts.device")} error={error}>
              <DeviceSelect id="sync-device" devices={items} value={selected} onChange={setDeviceId} aria-invalid={Boolean(error)} aria-describedby={fieldDescribedBy("sync-device", error)} />
            </FormField>
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => onOpenChange(false)} disabled={sync.isPending}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" loading={sync.isPending}>
                {t("contacts.sync.submit")}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
