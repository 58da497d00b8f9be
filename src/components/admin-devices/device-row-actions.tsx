"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Ellipsis, ExternalLink, Eraser, Trash2, UserRoundPen } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { toast } from "sonner";
import type { DeviceItem } from "@/components/devices/types";
import { errorMessage } from "@/components/errors/error-message";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { AssignDeviceDialog } from "./assign-device-dialog";

export function DeviceRowActions({ device }: { device: DeviceItem }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirm, setConfirm] = useState<"assign" | "wipe" | "delete" | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.device.pathKey() });

  const wipe = useMutation(
    trpc.device.cancelAndWipe.mutationOptions({
      onSuccess: () => {
        toast.success(t("adminDevices.wiped"));
        setConfirm(null);
        refresh();
      },
    }),
  );
  const remove = useMutation(
    trpc.device.delete.mutationOptions({
      onSuccess: () => {
        toast.success(t("adminDevices.deleted"));
        setConfirm(null);
        refresh();
      },
    }),
  );
  const name = device.deviceName;

  return (
    <>
      {/* Non-modal so the confirm dialog it opens gets focus and pointer events cleanly. */}
      <DropdownMenu modal={false}>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="icon" aria-label={t("adminDevices.actions", { name })}>
            <Ellipsis aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          <DropdownMenuItem asChild>
            <Link href={`/devices/${encodeURIComponent(device.deviceId)}`}>
              <ExternalLink aria-hidden />
              {t("devices.open")}
            </Link>
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={() => setConfirm("assign")}>
            <UserRoundPen aria-hidden />
            {t("adminDevices.assign")}
          </DropdownMenuItem>
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => setConfirm("wipe")}>
            <Eraser aria-hidden />
            {t("adminDevices.wipe")}
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={() => setConfirm("delete")} className="text-destructive focus:text-destructive [&_svg]:text-destructive">
            <Trash2 aria-hidden />
            {t("common.delete")}
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      {confirm === "assign" ? <AssignDeviceDialog device={device} open onOpenChange={(open) => !open && setConfirm(null)} /> : null}
      <ConfirmDialog
        open={confirm === "wipe"}
        onOpenChange={(open) => {
          if (!open) {
            setConfirm(null);
            wipe.reset();
          }
        }}
        title={t("adminDevices.wipeTitle", { name })}
        description={t("adminDevices.wipeBody")}
        confirmLabel={t("adminDevices.wipe")}
        cancelLabel={t("common.cancel")}
        closeLabel={t("common.close")}
        pending={wipe.isPending}
        error={wipe.error ? errorMessage(wipe.error, t) : null}
        onConfirm={() => wipe.mutate({ deviceId: device.deviceId })}
      />
      <ConfirmDialog
        open={confirm === "delete"}
        onOpenChange={(open) => {
          if (!open) {
            setConfirm(null);
            remove.reset();
          }
        }}
        title={t("adminDevices.deleteTitle", { name })}
        description={t("adminDevices.deleteBody")}
        confirmLabel={t("common.delete")}
        cancelLabel={t("common.cancel")}
        closeLabel={t("common.close")}
        pending={remove.isPending}
        error={remove.error ? errorMessage(remove.error, t) : null}
        onConfirm={() => remove.mutate({ deviceId: device.deviceId })}
      />
    </>
  );
}
