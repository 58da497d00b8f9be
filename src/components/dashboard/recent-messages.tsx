"use client";

import { useQuery } from "@tanstack/react-query";
import { MessagesSquare } from "lucide-react";
import { errorMessage } from "@/components/errors/error-message";
import { MessageList, MessageListSkeleton } from "@/components/messages/message-list";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";

/**
 * The latest messages across the caller's devices. Live: the shell's event stream patches a row's status as receipts
 * arrive and invalidates every `message.*` query (this one included) on new messages.
 */
export function RecentMessages({ className }: { className?: string }) {
  const t = useT();
  const trpc = useTRPC();
  const messages = useQuery(trpc.message.recent.queryOptions({ limit: 8 }));
  return (
    <Card className={className} data-testid="recent-messages">
      <CardHeader className="border-b pb-4">
        <CardTitle>{t("dashboard.recentTitle")}</CardTitle>
      </CardHeader>
      {messages.isPending ? (
        <MessageListSkeleton rows={4} />
      ) : messages.isError ? (
        <div className="p-5">
          <ErrorState title={t("common.loadError")} message={errorMessage(messages.error, t)} retryLabel={t("common.retry")} onRetry={() => void messages.refetch()} />
        </div>
      ) : messages.data.items.length === 0 ? (
        <div className="p-5">
          <EmptyState icon={MessagesSquare} title={t("dashboard.recentEmpty")} description={t("dashboard.recentEmptyBody")} className="border-none" />
        </div>
      ) : (
        <MessageList messages={messages.data.items} />
      )}
    </Card>
  );
}
