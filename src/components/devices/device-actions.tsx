"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Plug, Unplug } from "lucide-react";
import { toast } from "sonner";
import type { DeviceStatus } from "@/generated/prisma/enums";
import { errorMessage } from "@/components/errors/error-message";
import { Button } from "@/components/ui/button";
import { useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";

/** Connect starts pairing (QR follows by event) or restores a linked session; disconnect keeps the pairing. */
export function DeviceActions({ deviceId, status }: { deviceId: string; status: DeviceStatus }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.device.pathKey() });
  const connect = useMutation(
    trpc.device.connect.mutationOptions({
      onSuccess: () => {
        toast.info(t("device.connectStarted"));
        refresh();
      },
      onError: (error) => toast.error(errorMessage(error, t)),
    }),
  );
  const disconnect = useMutation(
    trpc.device.disconnect.mutationOptions({
      onSuccess: () => {
        toast.success(t("device.disconnected"));
        refresh();
      },
      onError: (error) => toast.error(errorMessage(error, t)),
    }),
  );

  const active = status === "connected" || status === "connecting" || status === "qr_required";
  return active ? (
    <Button variant="outline" onClick={() => disconnect.mutate({ deviceId })} loading={disconnect.isPending}>
      {disconnect.isPending ? null : <Unplug aria-hidden />}
      {t("device.disconnect")}
    </Button>
  ) : (
    <Button onClick={() => connect.mutate({ deviceId })} loading={connect.isPending}>
      {connect.isPending ? null : <Plug aria-hidden />}
      {status === "logged_out" ? t("device.reconnect") : t("device.connect")}
    </Button>
  );
}
