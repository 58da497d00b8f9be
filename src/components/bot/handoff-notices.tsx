"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { useLiveEvent } from "@/components/live/live-events-provider";
import { chatDisplayName } from "@/components/messages/display-name";
import { useT } from "@/i18n/provider";

/**
 * Tells the device's owner and the admins (the event reaches no one else) that a contact asked for a person, with a
 * way straight into that chat.
 */
export function HandoffNotices() {
  const t = useT();
  const router = useRouter();
  useLiveEvent("bot.handoff", (event) => {
    const { deviceId, contactJid, status } = event.data;
    if (status !== "started") return;
    const contact = chatDisplayName({ name: null, chatJid: contactJid }, t("chat.unnamed"));
    toast.info(t("bot.handoffs.toast", { contact }), {
      description: t("bot.handoffs.toastBody"),
      action: {
        label: t("bot.handoffs.openChat"),
        onClick: () => router.push(`/devices/${encodeURIComponent(deviceId)}/chat?chat=${encodeURIComponent(contactJid)}`),
      },
    });
  });
  return null;
}
