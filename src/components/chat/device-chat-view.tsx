"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowLeft, MessagesSquare, SearchX } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorMessage, isNotFound } from "@/components/errors/error-message";
import { DeviceStatusBadge } from "@/components/status/device-status-badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { ChatListPane } from "./chat-list-pane";
import type { ChatSummaryItem, OpenChat } from "./chat-types";
import { ConversationPane } from "./conversation-pane";

function BackLink({ deviceId }: { deviceId: string }) {
  const t = useT();
  return (
    <Button asChild variant="ghost" size="sm" className="-ml-2 mb-2 text-muted-foreground">
      <Link href={`/devices/${encodeURIComponent(deviceId)}`}>
        <ArrowLeft aria-hidden />
        {t("chat.backToDevice")}
      </Link>
    </Button>
  );
}

/**
 * WhatsApp-Web-like chat for one device: chats on the left, the open conversation on the right (one pane at a time
 * below md). The open chat lives in `?chat=` so it survives reloads and can be linked from chat history.
 */
export function DeviceChatView({ deviceId, initialChat }: { deviceId: string; initialChat: string | null }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const device = useQuery(trpc.device.get.queryOptions({ deviceId }, { retry: (count, error) => !isNotFound(error) && count < 1 }));
  const [open, setOpen] = useState<OpenChat | null>(initialChat ? { chatJid: initialChat, name: null } : null);
  const base = `/devices/${encodeURIComponent(deviceId)}/chat`;

  const select = (chat: OpenChat) => {
    setOpen(chat);
    router.replace(`${base}?chat=${encodeURIComponent(chat.chatJid)}`, { scroll: false });
  };
  const close = () => {
    setOpen(null);
    router.replace(base, { scroll: false });
  };

  if (device.isPending) {
    return (
      <>
        <BackLink deviceId={deviceId} />
        <Skeleton className="mb-6 h-8 w-64" />
        <Skeleton className="h-[32rem] rounded-xl" />
      </>
    );
  }
  if (device.isError) {
    return (
      <>
        <BackLink deviceId={deviceId} />
        {isNotFound(device.error) ? (
          <EmptyState icon={SearchX} title={t("device.notFound")} description={t("device.notFoundBody")} />
        ) : (
          <ErrorState title={t("common.loadError")} message={errorMessage(device.error, t)} retryLabel={t("common.retry")} onRetry={() => void device.refetch()} />
        )}
      </>
    );
  }

  const d = device.data;
  return (
    <>
      <BackLink deviceId={deviceId} />
      <PageHeader
        className="mb-4"
        title={
          <span className="flex flex-wrap items-center gap-3">
            {d.deviceName}
            <DeviceStatusBadge status={d.status} />
          </span>
        }
        description={d.phoneNumber ? <span className="font-mono text-xs">{d.phoneNumber}</span> : t("chat.description")}
      />
      <Card className="grid h-[calc(100dvh-15rem)] min-h-[28rem] grid-cols-1 overflow-hidden md:grid-cols-[minmax(17rem,22rem)_minmax(0,1fr)]">
        <div className={cn("min-h-0 border-r", open ? "hidden md:flex md:flex-col" : "flex flex-col")}>
          <ChatListPane
            deviceId={deviceId}
            selectedJid={open?.chatJid ?? null}
            onSelect={(chat: ChatSummaryItem) => select({ chatJid: chat.chatJid, name: chat.name, saved: chat.saved })}
            onOpenJid={(chatJid) => select({ chatJid, name: null })}
          />
        </div>
        <div className={cn("min-h-0 flex-col", open ? "flex" : "hidden md:flex")}>
          {open ? (
            <ConversationPane key={open.chatJid} deviceId={deviceId} deviceStatus={d.status} chat={open} onBack={close} />
          ) : (
            <div className="flex flex-1 items-center justify-center p-6">
              <EmptyState icon={MessagesSquare} title={t("chat.pickChat")} description={t("chat.pickChatBody")} className="border-none" />
            </div>
          )}
        </div>
      </Card>
    </>
  );
}
