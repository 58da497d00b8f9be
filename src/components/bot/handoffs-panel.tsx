"use client";

import { useQuery } from "@tanstack/react-query";
import { Hand, MessagesSquare } from "lucide-react";
import Link from "next/link";
import { errorMessage } from "@/components/errors/error-message";
import { chatDisplayName } from "@/components/messages/display-name";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useFormat, useT } from "@/i18n/provider";
import { useTRPC, type RouterOutputs } from "@/trpc/react";
import { ResumeHandoffButton } from "./resume-handoff-button";

type Handoff = RouterOutputs["bot"]["handoffs"]["list"][number];

const END_REASONS = ["manual", "keyword", "timeout"] as const;

function isEndReason(reason: string | null): reason is (typeof END_REASONS)[number] {
  return (END_REASONS as readonly (string | null)[]).includes(reason);
}

/** Conversations a person took over: the active ones (with "Return to bot") and the recently ended ones. */
export function HandoffsPanel({ deviceId }: { deviceId: string }) {
  const t = useT();
  const trpc = useTRPC();
  const active = useQuery(trpc.bot.handoffs.list.queryOptions({ deviceId, status: "active" }));
  const ended = useQuery(trpc.bot.handoffs.list.queryOptions({ deviceId, status: "ended" }));
  return (
    <div className="grid gap-6">
      <HandoffCard
        title={t("bot.handoffs.activeTitle")}
        description={t("bot.handoffs.activeBody")}
        query={active}
        deviceId={deviceId}
        empty={t("bot.handoffs.activeEmpty")}
        testId="handoffs-active"
      />
      <HandoffCard title={t("bot.handoffs.recentTitle")} query={ended} deviceId={deviceId} empty={t("bot.handoffs.recentEmpty")} testId="handoffs-recent" />
    </div>
  );
}

function HandoffCard({
  title,
  description,
  query,
  deviceId,
  empty,
  testId,
}: {
  title: string;
  description?: string;
  query: { isPending: boolean; isError: boolean; error: unknown; data: Handoff[] | undefined; refetch: () => unknown };
  deviceId: string;
  empty: string;
  testId: string;
}) {
  const t = useT();
  return (
    <Card data-testid={testId}>
      <CardHeader className="border-b pb-4">
        <CardTitle>{title}</CardTitle>
        {description ? <CardDescription>{description}</CardDescription> : null}
      </CardHeader>
      {query.isPending ? (
        <div className="grid gap-3 p-5" aria-busy>
          <Skeleton className="h-12" />
          <Skeleton className="h-12" />
        </div>
      ) : query.isError ? (
        <div className="p-5">
          <ErrorState title={t("common.loadError")} message={errorMessage(query.error, t)} retryLabel={t("common.retry")} onRetry={() => void query.refetch()} />
        </div>
      ) : !query.data || query.data.length === 0 ? (
        <div className="p-5">
          <EmptyState icon={Hand} title={empty} className="border-none py-6" />
        </div>
      ) : (
        <ul className="divide-y">
          {query.data.map((h) => (
            <HandoffItem key={h.id} handoff={h} deviceId={deviceId} />
          ))}
        </ul>
      )}
    </Card>
  );
}

function HandoffItem({ handoff, deviceId }: { handoff: Handoff; deviceId: string }) {
  const t = useT();
  const format = useFormat();
  const name = chatDisplayName({ name: handoff.contactName, chatJid: handoff.contactJid }, t("chat.unnamed"));
  const isActive = handoff.status === "active";
  return (
    <li className="flex flex-col gap-3 px-5 py-3 sm:flex-row sm:items-center" data-testid="handoff-item" data-contact-jid={handoff.contactJid} data-status={handoff.status}>
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-2">
          <span className="font-medium [overflow-wrap:anywhere]">{name}</span>
          {isActive ? (
            <Badge tone="warning" dot="pulse">
              {t("bot.handoffs.statusActive")}
            </Badge>
          ) : (
            <Badge>{isEndReason(handoff.endReason) ? t(`bot.handoffs.endReason.${handoff.endReason}`) : t("bot.handoffs.statusEnded")}</Badge>
          )}
        </div>
        <p className="mt-0.5 text-xs text-muted-foreground">
          {t("bot.handoffs.startedAt", { when: format.dateTime(handoff.startedAt) })}
          {handoff.reason ? ` · ${handoff.reason}` : ""}
          {handoff.endedAt ? ` · ${t("bot.handoffs.endedAt", { when: format.dateTime(handoff.endedAt) })}` : ""}
        </p>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button asChild variant="ghost" size="sm">
          <Link href={`/devices/${encodeURIComponent(deviceId)}/chat?chat=${encodeURIComponent(handoff.contactJid)}`}>
            <MessagesSquare aria-hidden />
            {t("bot.handoffs.openChat")}
          </Link>
        </Button>
        {isActive ? <ResumeHandoffButton handoffId={handoff.id} /> : null}
      </div>
    </li>
  );
}
