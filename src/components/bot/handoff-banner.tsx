"use client";

import { useQuery } from "@tanstack/react-query";
import { Hand } from "lucide-react";
import { useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { ResumeHandoffButton } from "./resume-handoff-button";

/** Above an open conversation while a person handles it: the bot stays quiet until "Return to bot". */
export function HandoffBanner({ deviceId, chatJid }: { deviceId: string; chatJid: string }) {
  const t = useT();
  const trpc = useTRPC();
  const handoff = useQuery(trpc.bot.handoffs.forChat.queryOptions({ deviceId, chatJid }));
  const active = handoff.data && handoff.data.status === "active" ? handoff.data : null;
  if (!active) return null;
  return (
    <div role="status" className="flex flex-col gap-2 border-b border-warning/40 bg-warning/10 px-3 py-2 sm:flex-row sm:items-center sm:px-4" data-testid="handoff-banner">
      <p className="flex min-w-0 flex-1 items-center gap-2 text-sm text-[oklch(0.42_0.1_65)]">
        <Hand className="size-4 shrink-0" aria-hidden />
        {t("bot.handoffs.banner")}
      </p>
      <ResumeHandoffButton handoffId={active.id} />
    </div>
  );
}
