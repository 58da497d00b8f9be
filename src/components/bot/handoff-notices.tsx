"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { useLiveEvent } from "@/components/live/live-events-provider";
import { chatDisplayName } from "@/components/messages/display-name";
import { useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";

/**
 * Tells the device's owner and the admins (the event reaches no one else) that a contact asked for a person, by the
 * contact's name when the hand-off has one, with a way straight into that chat.
 */
export function HandoffNotices() {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  useLiveEvent("bot.handoff", (event) => {
    const { deviceId, contactJid, status } = event.data;
    if (status !== "started") return;
    const show = (name: string | null) =>
      toast.info(t("bot.handoffs.toast", { contact: chatDisplayName({ name, chatJid: contactJid }, t("chat.unnamed")) }), {
        description: t("bot.handoffs.toastBody"),
        action: {
          label: t("bot.handoffs.openChat"),
          onClick: () => router.push(`/devices/${encodeURIComponent(deviceId)}/chat?chat=${encodeURIComponent(contactJid)}`),
        },
      });
    queryClient.fetchQuery(trpc.bot.handoffs.forChat.queryOptions({ deviceId, chatJid: contactJid }, { staleTime: 0 })).then(
      (handoff) => show(handoff?.contactName ?? null),
      () => show(null),
    );
  });
  return null;
}
