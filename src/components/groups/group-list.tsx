"use client";

import { useQuery } from "@tanstack/react-query";
import { Users } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useLiveEvent } from "@/components/live/live-events-provider";
import { useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { CreateGroupDialog } from "./group-dialogs";
import { GroupJobDialog } from "./group-job-dialog";

export function GroupList({ deviceId, connected, selected, onSelect }: { deviceId: string; connected: boolean; selected?: string; onSelect: (groupJid: string) => void }) {
  const t = useT();
  const trpc = useTRPC();
  const groups = useQuery(trpc.group.list.queryOptions({ deviceId }));
  useLiveEvent("group.changed", (event) => {
    if (event.data.deviceId === deviceId) void groups.refetch();
  });
  const rows = groups.data ?? [];
  return (
    <Card className="overflow-hidden">
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2 border-b pb-3">
        <h2 className="font-semibold">{t("adminGroups.groups")}</h2>
        <div className="flex flex-wrap gap-2">
          <GroupJobDialog deviceId={deviceId} disabled={!connected || !rows.some((g) => g.isMember)} />
          <CreateGroupDialog deviceId={deviceId} disabled={!connected} onCreated={onSelect} />
        </div>
      </CardHeader>
      {groups.isPending ? (
        <div className="grid gap-2 p-3">
          <Skeleton className="h-12" />
          <Skeleton className="h-12" />
        </div>
      ) : groups.isError ? (
        <ErrorState title={t("common.errorTitle")} message={t("common.loadError")} retryLabel={t("common.retry")} onRetry={() => void groups.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState className="m-3" icon={Users} title={t("adminGroups.noGroups")} description={t("adminGroups.noGroupsHint")} />
      ) : (
        <ul className="divide-y" data-testid="group-list">
          {rows.map((group) => (
            <li key={group.groupJid}>
              <button
                type="button"
                onClick={() => onSelect(group.groupJid)}
                className={cn("flex w-full items-center gap-3 px-4 py-3 text-left hover:bg-muted/60", selected === group.groupJid && "bg-muted")}
                aria-current={selected === group.groupJid ? "true" : undefined}
              >
                <span className="flex size-9 shrink-0 items-center justify-center rounded-full bg-primary/10 text-primary">
                  <Users className="size-4" aria-hidden />
                </span>
                <span className="min-w-0 flex-1">
                  <span className="block truncate font-medium">{group.subject}</span>
                  <span className="text-xs text-muted-foreground">{t("adminGroups.members", { count: group.memberCount })}</span>
                </span>
                {!group.isMember ? <Badge>{t("adminGroups.left")}</Badge> : null}
              </button>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
