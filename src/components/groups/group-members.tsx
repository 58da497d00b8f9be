"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { MoreVertical } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { errorMessage } from "@/components/errors/error-message";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { useT } from "@/i18n/provider";
import { useTRPC, type RouterOutputs } from "@/trpc/react";
import { resultLabel } from "./group-dialogs";

type Member = RouterOutputs["group"]["info"]["participants"][number];

const ROLE_KEYS = { superadmin: "adminGroups.roleSuperadmin", admin: "adminGroups.roleAdmin", member: "adminGroups.roleMember" } as const;

/** Members with their roles; an admin device can promote, demote and remove each (never itself or the owner). */
export function GroupMembers({ deviceId, groupJid, members, canManage }: { deviceId: string; groupJid: string; members: Member[]; canManage: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [removing, setRemoving] = useState<Member | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.group.pathKey() });
  const outcome = (results: Array<{ phone: string; result: string }>) => {
    const failed = results.find((r) => r.result !== "done");
    if (failed) toast.error(t("adminGroups.actionFailed", { reason: t(resultLabel(failed.result)) }));
    else toast.success(t("adminGroups.saved"));
    refresh();
  };
  const onError = (error: unknown) => toast.error(t("adminGroups.actionFailed", { reason: errorMessage(error, t) }));
  const promote = useMutation(trpc.group.promote.mutationOptions({ onSuccess: outcome, onError }));
  const demote = useMutation(trpc.group.demote.mutationOptions({ onSuccess: outcome, onError }));
  const remove = useMutation(
    trpc.group.removeParticipants.mutationOptions({
      onSuccess: (results) => {
        setRemoving(null);
        outcome(results);
      },
    }),
  );
  const nameOf = (m: Member) => m.name ?? m.phone ?? m.jid;

  return (
    <>
      <ul className="divide-y" data-testid="group-members">
        {members.map((m) => (
          <li key={m.jid} className="flex items-center gap-3 py-2" data-testid="group-member">
            <span className="min-w-0 flex-1">
              <span className="block truncate text-sm font-medium">
                {nameOf(m)}
                {m.isSelf ? <span className="ml-1 text-muted-foreground">({t("adminGroups.you")})</span> : null}
              </span>
              {m.name && m.phone ? <span className="block text-xs text-muted-foreground tabular-nums">{m.phone}</span> : null}
            </span>
            <Badge tone={m.role === "member" ? "neutral" : "primary"}>{t(ROLE_KEYS[m.role])}</Badge>
            {canManage && !m.isSelf && m.role !== "superadmin" && m.phone ? (
              <DropdownMenu>
                <DropdownMenuTrigger asChild>
                  <Button variant="ghost" size="icon" aria-label={t("adminGroups.memberActions", { name: nameOf(m) })}>
                    <MoreVertical aria-hidden />
                  </Button>
                </DropdownMenuTrigger>
                <DropdownMenuContent align="end">
                  {m.role === "member" ? (
                    <DropdownMenuItem onSelect={() => promote.mutate({ deviceId, groupJid, participants: [m.phone ?? ""] })}>{t("adminGroups.promote")}</DropdownMenuItem>
                  ) : (
                    <DropdownMenuItem onSelect={() => demote.mutate({ deviceId, groupJid, participants: [m.phone ?? ""] })}>{t("adminGroups.demote")}</DropdownMenuItem>
                  )}
                  <DropdownMenuItem className="text-destructive" onSelect={() => setRemoving(m)}>
                    {t("adminGroups.remove")}
                  </DropdownMenuItem>
                </DropdownMenuContent>
              </DropdownMenu>
            ) : null}
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(open) => {
          if (!open) {
            setRemoving(null);
            remove.reset();
          }
        }}
        title={removing ? t("adminGroups.removeTitle", { name: nameOf(removing) }) : ""}
        description={t("adminGroups.removeBody")}
        confirmLabel={t("adminGroups.remove")}
        cancelLabel={t("common.cancel")}
        closeLabel={t("common.close")}
        pending={remove.isPending}
        error={remove.error ? errorMessage(remove.error, t) : null}
        onConfirm={() => removing?.phone && remove.mutate({ deviceId, groupJid, participants: [removing.phone] })}
      />
    </>
  );
}
