"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Pause, Play, RotateCcw, X } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { errorMessage } from "@/components/errors/error-message";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import type { JobRow } from "./job-types";

/** Pause / resume / cancel for the owner and admins; retry of failed messages for admins only (SPEC §2). */
export function JobControls({ job, canRetry = false, size = "sm" }: { job: Pick<JobRow, "id" | "status" | "failed">; canRetry?: boolean; size?: "sm" | "default" }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirmCancel, setConfirmCancel] = useState(false);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.job.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.admin.jobs.pathKey() });
  };
  const onError = (error: unknown) => toast.error(errorMessage(error, t));
  const pause = useMutation(trpc.job.pause.mutationOptions({ onSuccess: () => (toast.success(t("jobs.paused")), refresh()), onError }));
  const resume = useMutation(trpc.job.resume.mutationOptions({ onSuccess: () => (toast.success(t("jobs.resumed")), refresh()), onError }));
  const retry = useMutation(trpc.job.retry.mutationOptions({ onSuccess: () => (toast.success(t("jobs.retried")), refresh()), onError }));
  const cancel = useMutation(
    trpc.job.cancel.mutationOptions({
      onSuccess: () => {
        setConfirmCancel(false);
        toast.success(t("jobs.cancelledToast"));
        refresh();
      },
      onError,
    }),
  );
  const open = job.status === "processing" || job.status === "paused" || job.status === "scheduled" || job.status === "queued";
  return (
    <div className="flex flex-wrap gap-2">
      {job.status === "processing" ? (
        <Button size={size} variant="outline" loading={pause.isPending} onClick={() => pause.mutate({ id: job.id })}>
          {pause.isPending ? null : <Pause aria-hidden />}
          {t("jobs.pause")}
        </Button>
      ) : null}
      {job.status === "paused" ? (
        <Button size={size} variant="outline" loading={resume.isPending} onClick={() => resume.mutate({ id: job.id })}>
          {resume.isPending ? null : <Play aria-hidden />}
          {t("jobs.resume")}
        </Button>
      ) : null}
      {canRetry && job.failed > 0 && job.status !== "cancelled" ? (
        <Button size={size} variant="outline" loading={retry.isPending} onClick={() => retry.mutate({ id: job.id })}>
          {retry.isPending ? null : <RotateCcw aria-hidden />}
          {t("jobs.retry")}
        </Button>
      ) : null}
      {open ? (
        <Button size={size} variant="ghost" onClick={() => setConfirmCancel(true)}>
          <X aria-hidden />
          {t("jobs.cancel")}
        </Button>
      ) : null}
      <ConfirmDialog
        open={confirmCancel}
        onOpenChange={setConfirmCancel}
        title={t("jobs.cancelTitle")}
        description={t("jobs.cancelBody")}
        confirmLabel={t("jobs.cancel")}
        cancelLabel={t("common.back")}
        closeLabel={t("common.close")}
        pending={cancel.isPending}
        onConfirm={() => cancel.mutate({ id: job.id })}
      />
    </div>
  );
}
