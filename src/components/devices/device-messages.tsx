"use client";

import { useQuery } from "@tanstack/react-query";
import { MessagesSquare } from "lucide-react";
import Link from "next/link";
import { errorMessage } from "@/components/errors/error-message";
import { MessageList, MessageListSkeleton } from "@/components/messages/message-list";
import { Button } from "@/components/ui/button";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";

/** The device's latest messages; statuses and new arrivals update through the live stream. */
export function DeviceMessages({ deviceId }: { deviceId: string }) {
  const t = useT();
  const trpc = useTRPC();
  const messages = useQuery(trpc.message.list.queryOptions({ deviceId, limit: 20 }));
  return (
    <Card>
      <CardHeader className="flex flex-row items-center justify-between gap-3 border-b pb-4">
        <CardTitle>{t("device.recentTitle")}</CardTitle>
        <Button asChild variant="outline" size="sm">
          <Link href={`/devices/${encodeURIComponent(deviceId)}/chat`}>
            <MessagesSquare aria-hidden />
            {t("chat.openChats")}
          </Link>
        </Button>
      </CardHeader>
      {messages.isPending ? (
        <MessageListSkeleton />
      ) : messages.isError ? (
        <div className="p-5">
          <ErrorState title={t("common.loadError")} message={errorMessage(messages.error, t)} retryLabel={t("common.retry")} onRetry={() => void messages.refetch()} />
        </div>
      ) : messages.data.items.length === 0 ? (
        <p className="px-5 py-8 text-center text-sm text-muted-foreground">{t("device.recentEmpty")}</p>
      ) : (
        <MessageList messages={messages.data.items} />
      )}
    </Card>
  );
}
