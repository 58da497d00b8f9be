"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowLeft, Link2, LogOut, Pencil } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { errorMessage } from "@/components/errors/error-message";
import { useLiveEvent } from "@/components/live/live-events-provider";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { GroupComposer } from "./group-composer";
import { AddMembersDialog, EditTextDialog } from "./group-dialogs";
import { GroupHistory } from "./group-history";
import { GroupMembers } from "./group-members";

export function GroupPanel({ deviceId, groupJid, connected, onBack }: { deviceId: string; groupJid: string; connected: boolean; onBack: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const info = useQuery(trpc.group.info.queryOptions({ deviceId, groupJid }));
  useLiveEvent("group.changed", (e) => e.data.deviceId === deviceId && (e.data.groupJid === groupJid || e.data.groupJid === "") && void info.refetch());
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.group.pathKey() });
  const saved = (close: () => void) => () => {
    close();
    toast.success(t("adminGroups.saved"));
    refresh();
  };
  const subject = useMutation(trpc.group.updateSubject.mutationOptions());
  const description = useMutation(trpc.group.updateDescription.mutationOptions());
  const invite = useMutation(trpc.group.inviteCode.mutationOptions({ onError: (e) => toast.error(t("adminGroups.actionFailed", { reason: errorMessage(e, t) })) }));
  const revoke = useMutation(trpc.group.revokeInvite.mutationOptions({ onSuccess: () => setConfirm(null) }));
  const leave = useMutation(
    trpc.group.leave.mutationOptions({
      onSuccess: () => {
        setConfirm(null);
        refresh();
      },
    }),
  );
  const [confirm, setConfirm] = useState<"leave" | "revoke" | null>(null);

  if (info.isPending) return <Skeleton className="h-96" />;
  if (info.isError) return <ErrorState title={t("common.errorTitle")} message={errorMessage(info.error, t)} retryLabel={t("common.retry")} onRetry={() => void info.refetch()} />;
  const group = info.data;
  const member = group.isMember;
  const isAdmin = member && group.selfRole !== "member" && group.selfRole !== null;
  const canAct = connected && member;
  const link = revoke.data?.link ?? invite.data?.link;

  return (
    <div className="grid min-w-0 gap-4 xl:grid-cols-[minmax(0,1fr)_18rem]" data-testid="group-panel">
      <Card className="min-w-0">
        <CardHeader className="gap-2 border-b pb-3">
          <Button variant="ghost" size="sm" className="w-fit lg:hidden" onClick={onBack}>
            <ArrowLeft aria-hidden />
            {t("adminGroups.back")}
          </Button>
          <div className="flex items-start gap-2">
            <div className="min-w-0 flex-1">
              <h2 className="truncate text-lg font-semibold" data-testid="group-subject">
                {group.subject}
              </h2>
              <p className="text-sm break-words whitespace-pre-wrap text-muted-foreground">{group.description ?? t("adminGroups.noDescription")}</p>
            </div>
            <EditTextDialog
              trigger={
                <Button variant="ghost" size="icon" aria-label={t("adminGroups.editSubject")} title={t("adminGroups.editSubject")} disabled={!canAct}>
                  <Pencil aria-hidden />
                </Button>
              }
              title={t("adminGroups.editSubject")}
              label={t("adminGroups.subject")}
              initial={group.subject}
              maxLength={100}
              pending={subject.isPending}
              error={subject.error ? errorMessage(subject.error, t) : null}
              onSave={(value, close) => subject.mutate({ deviceId, groupJid, subject: value }, { onSuccess: saved(close) })}
            />
          </div>
          {!member ? <p className="text-sm text-muted-foreground">{t("adminGroups.notMember")}</p> : !connected ? <p className="text-sm text-muted-foreground">{t("adminGroups.deviceOffline")}</p> : null}
        </CardHeader>
        <CardContent className="grid gap-3 pt-4">
          <GroupHistory deviceId={deviceId} groupJid={groupJid} />
          <GroupComposer deviceId={deviceId} groupJid={groupJid} disabled={!canAct} />
        </CardContent>
      </Card>
      <Card className="min-w-0">
        <CardHeader className="flex flex-row flex-wrap items-center gap-2 border-b pb-3">
          <h3 className="flex-1 font-semibold">{t("adminGroups.members", { count: group.participants.length })}</h3>
          <AddMembersDialog deviceId={deviceId} groupJid={groupJid} disabled={!canAct || !isAdmin} />
        </CardHeader>
        <CardContent className="grid gap-4 pt-2">
          <GroupMembers deviceId={deviceId} groupJid={groupJid} members={group.participants} canManage={canAct && isAdmin} />
          <div className="grid gap-2 border-t pt-3">
            <EditTextDialog
              trigger={
                <Button variant="outline" size="sm" disabled={!canAct}>
                  <Pencil aria-hidden />
                  {t("adminGroups.editDescription")}
                </Button>
              }
              title={t("adminGroups.editDescription")}
              label={t("adminGroups.descriptionLabel")}
              initial={group.description ?? ""}
              multiline
              maxLength={2048}
              pending={description.isPending}
              error={description.error ? errorMessage(description.error, t) : null}
              onSave={(value, close) => description.mutate({ deviceId, groupJid, description: value }, { onSuccess: saved(close) })}
            />
            <Button variant="outline" size="sm" disabled={!canAct || !isAdmin} loading={invite.isPending} onClick={() => invite.mutate({ deviceId, groupJid })}>
              <Link2 aria-hidden />
              {t("adminGroups.showInvite")}
            </Button>
            {link ? (
              <div className="grid gap-1 rounded-md border p-2 text-xs">
                <span className="font-medium">{t("adminGroups.inviteLink")}</span>
                <code className="break-all" data-testid="group-invite-link">
                  {link}
                </code>
                <Button variant="ghost" size="sm" className="w-fit" onClick={() => setConfirm("revoke")}>
                  {t("adminGroups.revokeInvite")}
                </Button>
              </div>
            ) : null}
            <Button variant="outline" size="sm" className="text-destructive" disabled={!canAct} onClick={() => setConfirm("leave")}>
              <LogOut aria-hidden />
              {t("adminGroups.leave")}
            </Button>
          </div>
        </CardContent>
      </Card>
      <ConfirmDialog
        open={confirm !== null}
        onOpenChange={(open) => !open && setConfirm(null)}
        title={confirm === "leave" ? t("adminGroups.leaveTitle") : t("adminGroups.revokeTitle")}
        description={confirm === "leave" ? t("adminGroups.leaveBody") : t("adminGroups.revokeBody")}
        confirmLabel={confirm === "leave" ? t("adminGroups.leave") : t("adminGroups.revokeInvite")}
        cancelLabel={t("common.cancel")}
        closeLabel={t("common.close")}
        pending={leave.isPending || revoke.isPending}
        error={(confirm === "leave" ? leave.error : revoke.error) ? errorMessage(confirm === "leave" ? leave.error : revoke.error, t) : null}
        onConfirm={() => (confirm === "leave" ? leave.mutate({ deviceId, groupJid }) : revoke.mutate({ deviceId, groupJid }))}
      />
    </div>
  );
}
